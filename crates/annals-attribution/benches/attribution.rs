//! Attribution cost next to tokenization. `cargo bench -p annals-attribution`

fn main() {
    let para = "BAGHDAD, Dec 31 (Reuters) - Thousands of protesters stormed the U.S. embassy on Tuesday, \
                police said. “We want them out,” said Abu Ali, a member of the Iranian-backed militia.\n\n\
                Iran reportedly sent weapons, according to AFP. The militia accused Washington of killing 25 fighters.\n\n\
                Iran killed an American contractor. We will respond. — Donald J. Trump (@realDonaldTrump) December 31, 2019\n\n";
    let docs: Vec<String> = (0..3000).map(|_| para.repeat(3)).collect();
    let _ = annals_attribution::bench::stage_times(&docs[..50], 5);
    for every in [5, 25] {
        println!(
            "event every {every} tokens: {}",
            annals_attribution::bench::stage_times(&docs, every)
        );
    }
}
