"""A stand-in for the `lean` executable, for testing the build scheduler without minutes per file.

Understands `--json -D... [-o OUT] FILE`: a line containing `FAIL` gives an error message at that
line (exit 1); otherwise OUT is written. `#eval (EXPR)` prints EXPR as an information message.
Each run appends `start FILE` / `end FILE` to $FAKE_LEAN_LOG and sleeps $FAKE_LEAN_SECONDS.
"""

import json
import os
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    out = args[args.index("-o") + 1] if "-o" in args else None
    source = args[-1]
    log = os.environ["FAKE_LEAN_LOG"]
    with open(log, "a") as handle:
        handle.write(f"start {source}\n")
    time.sleep(float(os.environ.get("FAKE_LEAN_SECONDS", "0")))
    print("[DEBUG:A] noise before the messages")
    failed = False
    for number, line in enumerate(open(source).read().splitlines(), start=1):
        message = None
        if "FAIL" in line:
            failed = True
            message = ("error", "unsolved goals")
        elif line.startswith("#eval ("):
            message = ("information", line[len("#eval ("):-1])
        if message:
            print(json.dumps({"caption": "", "data": message[1], "pos": {"line": number, "column": 0},
                              "endPos": {"line": number, "column": 4}, "fileName": source,
                              "kind": "[anonymous]", "severity": message[0]}))
    if out and not failed:
        with open(out, "w") as handle:
            handle.write("olean")
    with open(log, "a") as handle:
        handle.write(f"end {source}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
