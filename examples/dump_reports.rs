//! Prints the report of every exchange in target/bench/corpus.json (output comparisons).
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for c in v["classes"].as_array().unwrap() {
        for e in c["exchanges"].as_array().unwrap() {
            let ex: reply_coach::Exchange = serde_json::from_value(e.clone()).unwrap();
            println!(
                "{}",
                serde_json::to_string(&reply_coach::analyze(&ex)).unwrap()
            );
        }
    }
}
