//! Print the gazetteer records a name matches (a debugging aid):
//! `cargo run -p annals-place --example lookup_name -- "Tal Afar"`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gaz = annals_place::Gazetteer::embedded()?;
    for name in std::env::args().skip(1) {
        println!("{name:?} -> key {:?}", annals_place::normalize::key(&name));
        for p in gaz.lookup(&name) {
            println!(
                "  {} {:?} {:?} pop {} ({:.2}, {:.2}) {:?}",
                p.name, p.kind, p.country3, p.population, p.lat, p.lon, p.geonameid
            );
        }
    }
    Ok(())
}
