//! The harness the CLI tests share: run `reply-coach` with arguments and standard input,
//! and write input files into a per-process temporary folder.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs the CLI; standard input is written from another thread (so a large input cannot
/// deadlock against a full stdout pipe) and then closed.
pub fn cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reply-coach"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || {
        if let Some(input) = input {
            let _ = pipe.write_all(&input);
        }
    });
    let out = child.wait_with_output().expect("the CLI finishes");
    writer.join().expect("the input is written");
    out
}

/// Writes `content` to a file named `name` in this test process's temporary folder.
pub fn write_tmp(name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reply-coach-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}
