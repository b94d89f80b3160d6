"""``attnthermo.lean.check``: compile the Lean library, audit it and write its manifest.

The manifest (schema_version 1, see DEVELOPERS.md) says for every theorem whether it is
proved: its module compiled clean with ``-DwarningAsError=true``, the axiom audit passed and
its statement matches the pinned one. Proof failures are data in the manifest (``ok`` false);
only a missing or broken toolchain, or a project that cannot be read (an import of a file that
does not exist), raises.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.lean.audit import ALLOWED_AXIOMS, module_findings, parse_print_axioms, print_axioms_verdict, source_audit
from attnthermo.lean.build import ModuleResult, build_modules, cache_key, load_state, result_of, save_state
from attnthermo.lean.compiler import FLAGS, compile_file
from attnthermo.lean.filelock import exclusive_lock
from attnthermo.lean.pinned import PINNED_FILE, load_pinned, pin_status
from attnthermo.lean.project import Project, load_project
from attnthermo.lean.sources import Declaration, claim_ids, witness_links
from attnthermo.lean.toolchain import Toolchain, find_toolchain, wasm_visible_dir
from attnthermo.lean.values import BRIDGE_MODULE, ValueEntry, bridge_source, load_values, read_values
from attnthermo.paths import cache_dir, project_root

SCHEMA_VERSION = 1
AUDIT_MODULE = "AttnThermoAxiomAudit"


def build_dir_for(root: Path, kind: str = "wasm") -> Path:
    """The cache folder holding a project root's build outputs (one per root path and toolchain
    kind); for the wasm Lean it must be one that Lean can see (see ``wasm_visible_dir``)."""
    digest = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
    return wasm_visible_dir("lean-build", digest) if kind == "wasm" else cache_dir("lean-build", kind, digest)


def check(
    root: Path | str | None = None,
    *,
    json_path: Path | str | None = None,
    jobs: int = 2,
    progress: Callable[[str], None] | None = print,
    slots: threading.Semaphore | None = None,
) -> dict:
    """Check the Lean project at ``root`` (default: ``attnthermo.paths.project_root()``).

    Returns the manifest and writes it to the build folder and to ``json_path`` if given.
    ``slots`` bounds the Lean processes shared with other concurrent checks (default: ``jobs``).
    Raises ToolchainError when Lean cannot be found or installed, LeanCheckFailed when an import
    resolves to no file (before any compile).
    """
    if not isinstance(jobs, int) or jobs < 1:
        raise DomainError("jobs", jobs, "must be a positive integer (Lean processes at once)")
    say = progress or (lambda _msg: None)
    root = Path(root).resolve() if root is not None else project_root()
    if not root.is_dir():
        raise DomainError("root", str(root), "is not a directory")
    project = load_project(root)
    pinned, pinned_sha = load_pinned(root)
    entries = load_values(root)
    toolchain = find_toolchain(say)
    slots = slots or threading.BoundedSemaphore(jobs)
    build = build_dir_for(root, toolchain.kind)
    with exclusive_lock(build / ".lock"):
        results = build_modules(project, toolchain, build, jobs=jobs, slots=slots, progress=say)
        values, values_status = _values(project, toolchain, build, entries, results, slots, say)
        if toolchain.kind == "native":
            audits, rendered = _native_audit(project, toolchain, build, results, slots)
        else:
            audits, rendered = source_audit(m.source for m in project.order), {}
        manifest = _manifest(project, toolchain, results, audits, rendered, pinned, pinned_sha, values, values_status)
        text = json.dumps(manifest, indent=1, ensure_ascii=False)
        (build / "manifest.json").write_text(text, encoding="utf-8")
    if json_path is not None:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(text, encoding="utf-8")
    return manifest


def _values(
    project: Project, toolchain: Toolchain, build: Path, entries: list[ValueEntry],
    results: dict[str, ModuleResult], slots: threading.Semaphore, say: Callable[[str], None],
) -> tuple[dict, str]:
    if not entries:
        return {}, "none"
    blocked = sorted(name for name, r in results.items() if r.status != "ok")
    if blocked:
        say(f"value bridge: blocked by {', '.join(blocked)} (not compiled)")
        return {}, "blocked"
    text, at = bridge_source([m.name for m in project.order], entries)
    key = cache_key(
        source_sha256=hashlib.sha256(text.encode()).hexdigest(),
        dependency_keys={name: r.key for name, r in results.items()},
        toolchain=toolchain,
    )
    result = load_state(build, BRIDGE_MODULE, key, None)
    if result is None:
        gen = build / "bridge"
        gen.mkdir(parents=True, exist_ok=True)
        (gen / f"{BRIDGE_MODULE}.lean").write_text(text, encoding="utf-8")
        with slots:
            say(f"value bridge: evaluating {len(entries)} entries of bridge/values.toml")
            compiled = compile_file(toolchain, gen, f"{BRIDGE_MODULE}.lean", search_path=[build / "olean"], olean=None)
        result = result_of(compiled, key, None)
        if not compiled.crashed:
            save_state(build, BRIDGE_MODULE, result)
    values = read_values(entries, at, result.messages)
    stray = [m.summary() for m in result.errors if m.line not in at]
    for slot in values.values():
        if slot.get("error") == "no output" and stray:
            slot["error"] = f"no output ({BRIDGE_MODULE}.lean: {'; '.join(stray[:2])})"
    bad = [i for i, v in values.items() if v.get("result") is None]
    status = "ok" if result.status == "ok" and not bad else "failed"
    say(f"value bridge: {status}" + (" (cached)" if result.cached else f" ({result.seconds:.0f} s)")
        + (f": no value for {', '.join(bad)}" if bad else ""))
    return values, status


def _native_audit(
    project: Project, toolchain: Toolchain, build: Path, results: dict[str, ModuleResult], slots: threading.Semaphore,
) -> tuple[dict[str, dict], dict[str, str]]:
    """``#print axioms`` and ``#check`` on every public theorem of the modules that compiled clean,
    from one generated non-module file; private theorems fall back to the source audit."""
    audits = source_audit(m.source for m in project.order)
    ok_modules = [m for m in project.order if results[m.name].status == "ok"]
    theorems = [d for m in ok_modules for d in m.source.declarations if d.kind == "theorem" and not d.private]
    if not theorems:
        return audits, {}
    lines = [f"import {m.name}" for m in ok_modules] + [""]
    where: dict[int, tuple[str, str]] = {}
    for decl in theorems:
        lines.append(f"#print axioms {decl.name}")
        where[len(lines)] = ("axioms", decl.name)
        lines.append(f"#check {decl.name}")
        where[len(lines)] = ("check", decl.name)
    gen = build / "audit"
    gen.mkdir(parents=True, exist_ok=True)
    (gen / f"{AUDIT_MODULE}.lean").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with slots:
        compiled = compile_file(toolchain, gen, f"{AUDIT_MODULE}.lean", search_path=[build / "olean"], olean=None)
    rendered: dict[str, str] = {}
    seen: set[str] = set()
    for message in compiled.messages:
        what, name = where.get(message.line, ("", ""))
        if what == "axioms" and message.severity == "information":
            for thm, axioms in parse_print_axioms(message.text).items():
                audits[thm] = print_axioms_verdict(axioms)
                seen.add(thm)
        elif what == "check" and message.severity == "information":
            rendered[name] = message.text.strip().removeprefix(name).strip()
    for decl in theorems:
        if decl.name not in seen:
            audits[decl.name] = {"audit": "print-axioms", "ok": False,
                                 "found": ["#print axioms gave no answer (see the audit file's messages)"]}
    return audits, rendered


def _theorem_entry(
    module_name: str, relpath: str, decl: Declaration, result: ModuleResult, audit: dict,
    pinned: dict[str, str], rendered: dict[str, str],
) -> dict:
    pin = pin_status(decl.name, decl.signature, pinned)
    entry = {
        "module": module_name, "file": relpath, "line": decl.line, "kind": decl.kind,
        "statement": rendered.get(decl.name, decl.signature), "signature": decl.signature,
        "private": decl.private, "docstring": decl.docstring, "claims": claim_ids(decl.docstring),
        "witnesses": witness_links(decl.docstring), "axioms": audit, "pinned": pin,
    }
    own_errors = [m for m in result.errors if decl.first_line <= m.line <= decl.end_line]
    if result.status == "blocked":
        status, reason = "blocked", f"not proved (blocked by {', '.join(result.blocked_by)}, which failed to compile)"
    elif result.status == "failed" and own_errors:
        status, reason = "failed", "; ".join(m.summary() for m in own_errors)
    elif result.status == "failed":
        first = result.errors[0].summary() if result.errors else "no message"
        status, reason = "blocked", f"not proved (blocked by {module_name}, which did not compile clean: {first})"
    elif not audit["ok"]:
        status, reason = "failed", f"axiom audit ({audit['audit']}) found: {', '.join(audit['found'])}"
    elif pin == "drift":
        status = "drift"
        reason = (f"statement differs from the one pinned in {PINNED_FILE}: pinned `{pinned[decl.name]}`, "
                  f"source `{decl.signature}` (review it, then run `attnthermo lean pin`)")
    else:
        status, reason = "proved", None
    entry["status"] = status
    entry["reason"] = reason
    return entry


def _manifest(
    project: Project, toolchain: Toolchain, results: dict[str, ModuleResult], audits: dict[str, dict],
    rendered: dict[str, str], pinned: dict[str, str], pinned_sha: str | None, values: dict, values_status: str,
) -> dict:
    modules: dict[str, dict] = {}
    theorems: dict[str, dict] = {}
    failures: list[str] = []
    for module in project.order:
        result = results[module.name]
        findings = module_findings(module.source)
        modules[module.name] = {
            "file": module.relpath, "source_sha256": module.source_sha256, "imports": list(module.source.imports),
            "key": result.key, "cached": result.cached, "status": result.status, "blocked_by": result.blocked_by,
            "messages": [m.to_json() for m in result.messages], "seconds": result.seconds,
            "audit_findings": findings,
        }
        if result.status == "failed":
            outside = [m for m in result.errors if module.source.declaration_at(m.line) is None]
            failures += [f"{module.name} ({module.relpath}): {m.summary()}" for m in outside]
        if findings:
            failures.append(f"{module.name}: outside any declaration uses {', '.join(findings)}")
        for decl in module.source.declarations:
            if decl.kind != "theorem":
                continue
            audit = audits.get(decl.name, {"audit": "source", "ok": True, "found": []})
            entry = _theorem_entry(module.name, module.relpath, decl, result, audit, pinned, rendered)
            theorems[decl.name] = entry
            if entry["status"] != "proved":
                failures.append(f"{decl.name} [{entry['status']}]: {entry['reason']}")
    missing = sorted(set(pinned) - set(theorems))
    failures += [f"{name} [missing]: pinned in {PINNED_FILE} but not found in the sources" for name in missing]
    if values_status == "failed":
        failures += [f"value {i}: {v.get('error')}" for i, v in values.items() if v.get("result") is None]
    return {
        "schema_version": SCHEMA_VERSION,
        "root": str(project.root),
        "toolchain": toolchain.to_json(),
        "flags": list(FLAGS),
        "axiom_audit": "print-axioms" if toolchain.kind == "native" else "source",
        "allowed_axioms": list(ALLOWED_AXIOMS),
        "pinned_sha256": pinned_sha,
        "pinned_missing": missing,
        "unpinned_policy": "an unpinned theorem can be proved; only pinned statements are trusted downstream",
        "ok": not failures,
        "failures": failures,
        "modules": modules,
        "theorems": theorems,
        "values_status": values_status,
        "values": values,
    }
