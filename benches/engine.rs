//! Native latency of one full analysis (`reply_coach::analyze`: post + reply → report,
//! rewrite included), on the corpus that `scripts/bench/corpus.mjs` builds from the demo
//! sample and the dev set (`target/bench/corpus.json`; `make bench` writes it first).
//!
//! divan drives the sampling (one call per sample, so its median is the per-call median).
//! Each call is also timed here, so the per-call p99 can be reported too (divan prints
//! fastest/slowest/median/mean only); those timings go to `target/bench/native.json`
//! for `scripts/bench/report.mjs`.
//!
//! Run: `make bench`, or `cargo bench --bench engine [-- FILTER]` once the corpus exists.
//! No assertions on time here: this measures, it does not test.

// divan is a native-only dev-dependency (the wasm tests build dev-dependencies for
// wasm32, and `clippy --target wasm32 --all-targets` builds this file too).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::hint::black_box;
    use std::path::PathBuf;
    use std::sync::{Mutex, OnceLock};
    use std::time::Instant;

    use reply_coach::Exchange;

    pub fn main() {
        // Build the corpus once, before divan starts timing.
        corpus();
        divan::main();
        write_results();
    }

    struct Class {
        exchanges: Vec<Exchange>,
    }

    fn corpus_path() -> PathBuf {
        std::env::var_os("BENCH_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/corpus.json")
            })
    }

    fn corpus() -> &'static BTreeMap<String, Class> {
        static CORPUS: OnceLock<BTreeMap<String, Class>> = OnceLock::new();
        CORPUS.get_or_init(|| {
            let path = corpus_path();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; build it with `node scripts/bench/corpus.mjs` (or run `make bench`)",
                    path.display()
                )
            });
            let v: serde_json::Value = serde_json::from_str(&text).expect("corpus.json is JSON");
            let mut out = BTreeMap::new();
            for c in v["classes"].as_array().expect("corpus.classes") {
                let id = c["id"].as_str().expect("class id").to_string();
                let exchanges = c["exchanges"]
                    .as_array()
                    .expect("class exchanges")
                    .iter()
                    .map(|e| serde_json::from_value(e.clone()).expect("an Exchange"))
                    .collect();
                out.insert(id, Class { exchanges });
            }
            out
        })
    }

    /// Per case: the mean reply length (UTF-16 units) and every call's time (ns).
    type Timings = BTreeMap<String, (usize, Vec<u64>)>;

    /// Per-call timings of each benchmark case, for the p99.
    fn timings() -> &'static Mutex<Timings> {
        static T: OnceLock<Mutex<Timings>> = OnceLock::new();
        T.get_or_init(Default::default)
    }

    /// Times `analyze` on `exchanges` round-robin, one call per divan sample, and keeps
    /// every call's time under `case`.
    fn run(bencher: divan::Bencher, case: String, exchanges: &[Exchange]) {
        run_with(bencher, case, exchanges, reply_coach::analyze)
    }

    fn run_with(
        bencher: divan::Bencher,
        case: String,
        exchanges: &[Exchange],
        analyze: fn(&Exchange) -> reply_coach::Report,
    ) {
        let chars: usize = exchanges
            .iter()
            .map(|e| e.reply.encode_utf16().count())
            .sum::<usize>()
            / exchanges.len().max(1);
        let mut times: Vec<u64> = Vec::with_capacity(8192);
        let mut i = 0usize;
        bencher.bench_local(|| {
            let ex = &exchanges[i % exchanges.len()];
            i += 1;
            let t = Instant::now();
            let report = analyze(black_box(ex));
            drop(black_box(report));
            times.push(t.elapsed().as_nanos() as u64);
        });
        timings().lock().unwrap().insert(case, (chars, times));
    }

    fn write_results() {
        let all = timings().lock().unwrap();
        if all.is_empty() {
            return;
        }
        let mut cases = serde_json::Map::new();
        for (case, (chars, times)) in all.iter() {
            // the first call of a case warms the caches: leave it out
            let mut t: Vec<u64> = times.iter().skip(1).copied().collect();
            if t.is_empty() {
                continue;
            }
            t.sort_unstable();
            let q = |p: f64| t[((t.len() as f64 - 1.0) * p).round() as usize] as f64 / 1000.0;
            let mean = t.iter().sum::<u64>() as f64 / t.len() as f64 / 1000.0;
            cases.insert(
                case.clone(),
                serde_json::json!({
                    "chars": chars, "n": t.len(), "median_us": q(0.5), "p99_us": q(0.99),
                    "min_us": t[0] as f64 / 1000.0, "max_us": *t.last().unwrap() as f64 / 1000.0,
                    "mean_us": mean,
                }),
            );
        }
        let out = std::env::var_os("BENCH_NATIVE_OUT")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/native.json")
            });
        // Merge with an earlier (filtered) run so a partial re-run keeps the other cases.
        let mut merged: serde_json::Map<String, serde_json::Value> = std::fs::read_to_string(&out)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        merged.extend(cases);
        std::fs::create_dir_all(out.parent().unwrap()).ok();
        std::fs::write(&out, serde_json::to_string_pretty(&merged).unwrap())
            .expect("write results");
        eprintln!("per-call timings: {}", out.display());
    }

    /// The real replies of a class, round-robin (X replies, Facebook comments).
    #[divan::bench(
        args = ["x-nl", "x-en", "fb-nl", "fb-en"],
        sample_count = 3000, sample_size = 1, max_time = 3
    )]
    fn class(bencher: divan::Bencher, class: &str) {
        run(
            bencher,
            format!("class/{class}"),
            &corpus()[class].exchanges,
        );
    }

    /// The target case: a 280-character reply on X, with its post.
    #[divan::bench(args = ["x280-nl", "x280-en"], sample_count = 3000, sample_size = 1, max_time = 3)]
    fn x280(bencher: divan::Bencher, class: &str) {
        run(bencher, format!("x280/{class}"), &corpus()[class].exchanges);
    }

    const SCALE: &[&str] = &[
        "en/100",
        "en/280",
        "en/1000",
        "en/3000",
        "en/10000",
        "en/30000",
        "en/100000",
        "nl/100",
        "nl/280",
        "nl/1000",
        "nl/3000",
        "nl/10000",
        "nl/30000",
        "nl/100000",
    ];

    /// The scaling series: one reply per length (Facebook, with its post).
    #[divan::bench(args = SCALE, sample_count = 2000, sample_size = 1, max_time = 3)]
    fn scaling(bencher: divan::Bencher, case: &str) {
        let (lang, size) = case.split_once('/').unwrap();
        let size: usize = size.parse().unwrap();
        let sizes = [100, 280, 1000, 3000, 10000, 30000, 100000];
        let k = sizes.iter().position(|&s| s == size).expect("a scale size");
        let ex = &corpus()[&format!("scale-{lang}")].exchanges[k];
        run(
            bencher,
            format!("scale/{lang}/{size}"),
            std::slice::from_ref(ex),
        );
    }

    /// Where the time goes: the same cases without the rewrite
    /// (`analyze_without_rewrite`), so rewrite = full − this.
    #[divan::bench(
        args = ["x280-nl", "x280-en", "scale-en/100000"],
        sample_count = 3000, sample_size = 1, max_time = 3
    )]
    fn without_rewrite(bencher: divan::Bencher, case: &str) {
        let ex = match case.strip_prefix("scale-en/") {
            Some(_) => &corpus()["scale-en"].exchanges[6],
            None => &corpus()[case].exchanges[0],
        };
        run_with(
            bencher,
            format!("without_rewrite/{case}"),
            std::slice::from_ref(ex),
            reply_coach::analyze_without_rewrite,
        );
    }
}
