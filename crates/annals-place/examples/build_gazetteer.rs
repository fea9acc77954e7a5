//! Rebuild the embedded gazetteer (same as `annals places --build-gazetteer SRC OUT`):
//! `cargo run --release -p annals-place --example build_gazetteer -- ../shared/gazetteer crates/annals-place/data`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(src), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: build_gazetteer SRC_DIR OUT_DIR".into());
    };
    let t = std::time::Instant::now();
    let stats = annals_place::build::build_gazetteer(src.as_ref(), out.as_ref())?;
    eprintln!("{stats:?} in {:.1}s", t.elapsed().as_secs_f64());
    Ok(())
}
