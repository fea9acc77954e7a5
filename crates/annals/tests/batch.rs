//! Stage-by-stage batches code exactly what one document at a time codes.

use annals::Pipeline;
use annals_core::Document;

#[test]
fn batches_code_like_single_documents() {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/articles"
    ));
    let docs: Vec<Document> = annals_io::read_inputs(&[dir.to_path_buf()], None)
        .filter_map(Result::ok)
        .collect();
    assert!(docs.len() >= 10, "examples missing: {}", docs.len());
    let p = Pipeline::embedded().expect("pipeline loads");
    let json = |d: &annals_core::Doc| serde_json::to_string(&annals::records(d, true)).unwrap();
    let one_by_one: Vec<String> = docs
        .iter()
        .map(|d| json(&p.run(d.clone()).expect("codes")))
        .collect();
    let batched: Vec<String> = p
        .run_batch(docs)
        .iter()
        .map(|r| json(r.as_ref().expect("codes")))
        .collect();
    assert_eq!(one_by_one.len(), batched.len());
    for (a, b) in one_by_one.iter().zip(&batched) {
        assert_eq!(a, b);
    }
    assert!(one_by_one.iter().any(|j| j.len() > 100), "no events at all");
}
