//! Print the place mentions of a text given on the command line (a debugging aid):
//! `cargo run -p annals-place --example geocode_text -- "Shells hit Tal Afar."`
use annals_core::{Doc, Document};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let geocoder = annals_place::Geocoder::embedded()?;
    let doc = Doc::new(Document::new("arg", text));
    for p in geocoder.find_places(&doc) {
        println!("{}", serde_json::to_string(&p)?);
    }
    Ok(())
}
