//! Print the dictionary codes of a phrase without a parse:
//! `cargo run --example marks -- "the U.S. embassy in Baghdad"`.
fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let coder = annals_actors::ActorCoder::embedded();
    println!("{:?}", coder.code_phrase(&text, "2024-01-01".parse().ok()));
    for w in text.split_whitespace() {
        println!(
            "{w}: {:?}",
            coder
                .code_phrase(w, "2024-01-01".parse().ok())
                .map(|c| c.code)
        );
    }
}
