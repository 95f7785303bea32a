//! Profiling harness: `profile_loop CASE N [n]` runs `analyze` N times over a case of
//! the benchmark corpus (target/bench/corpus.json; CASE is a class such as `x280-nl`,
//! or `scale-en:6` for one exchange of it), round-robin; a third argument leaves the
//! rewrite out (`analyze_without_rewrite`). For callgrind and perf: see
//! scripts/bench/instructions.sh. Prints the mean time per call (for a quick look only;
//! `make bench` measures with divan).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let class = &args[1];
    let n: usize = args[2].parse().unwrap();
    let norewrite = args.get(3).is_some();
    let text = std::fs::read_to_string("target/bench/corpus.json").unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (cls, idx) = match class.split_once(':') {
        Some((c, i)) => (c.to_string(), Some(i.parse::<usize>().unwrap())),
        None => (class.clone(), None),
    };
    let c = v["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == cls.as_str())
        .unwrap();
    let mut ex: Vec<reply_coach::Exchange> = c["exchanges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| serde_json::from_value(e.clone()).unwrap())
        .collect();
    if let Some(i) = idx {
        ex = vec![ex.swap_remove(i)];
    }
    let t = std::time::Instant::now();
    let mut total = 0;
    for i in 0..n {
        let e = &ex[i % ex.len()];
        let r = if norewrite {
            reply_coach::analyze_without_rewrite(e)
        } else {
            reply_coach::analyze(e)
        };
        total += r.findings.len();
    }
    eprintln!("{total} findings, {:?} per call", t.elapsed() / n as u32);
}
