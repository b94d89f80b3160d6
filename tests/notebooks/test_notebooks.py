"""The tutorial notebooks: committed without outputs, and each one runs top to bottom.

Each notebook is executed by nbclient in a fresh kernel started from this interpreter
(``sys.executable -m ipykernel_launcher``, so a fresh virtual environment needs no installed
kernel spec), with the notebooks' quick settings (``ATTNTHERMO_NOTEBOOK_QUICK=1``), the session's
real Lean manifest in ``ATTNTHERMO_MANIFEST`` for the notebooks that read one, and matplotlib's
inline backend (Agg rendering, no display; every figure becomes an image/png output). A cell
error fails the test; the committed files are never rewritten (the executed copy goes to tmp_path).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = ("identities", "measuring-gamma", "auditing-claims")
KERNEL_NAME = "attnthermo-notebook-test"
CELL_TIMEOUT = 600  # seconds; a cold cache runs the audit's quick measurements inside one cell


def _read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)


def test_the_folder_holds_exactly_the_tested_notebooks():
    assert sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")) == sorted(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_carries_no_outputs(name):
    nb = _read(name)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, f"{name} has no code"
    for index, cell in enumerate(code):
        assert cell.outputs == [], f"{name}: code cell {index} has committed outputs (clear them)"
        assert cell.execution_count is None, f"{name}: code cell {index} has an execution count"
        assert "execution" not in cell.metadata, f"{name}: code cell {index} has execution timing metadata"
    assert "ATTNTHERMO_NOTEBOOK_QUICK" in code[0].source, f"{name}: the first code cell must read the quick switch"


def _kernel_specs(folder: Path, env: dict[str, str]) -> KernelSpecManager:
    """A kernel spec folder whose only kernel is this interpreter, with the notebooks' test settings."""
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "attnthermo notebook test",
        "language": "python",
        "env": {"ATTNTHERMO_NOTEBOOK_QUICK": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline",
                "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **env},
    }), encoding="utf-8")
    return KernelSpecManager(kernel_dirs=[str(folder / "kernels")], ensure_native_kernel=False)


def _execute(name: str, out: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Run the notebook in a fresh kernel; the executed copy is written to ``out``."""
    nb = _read(name)
    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=_kernel_specs(out, env))
    client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, startup_timeout=120,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    started = time.perf_counter()
    try:
        client.execute()
    finally:
        nbformat.write(nb, out / f"{name}.executed.ipynb")
        print(f"{name}: executed in {time.perf_counter() - started:.1f} s (copy in {out})")
    return nb


def _check_outputs(name: str, nb: nbformat.NotebookNode) -> None:
    """Every cell ran (a cell error already raised in nbclient) and every plt.show() drew a figure."""
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), f"{name}: a cell did not run"
    plotting = [cell for cell in code if "plt.show()" in cell.source]
    assert plotting, f"{name}: no figures"
    for cell in plotting:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert images, f"{name}: cell {cell.id} calls plt.show() but showed no figure"


@pytest.mark.parametrize("name", ["identities", pytest.param("auditing-claims", marks=pytest.mark.model)])
def test_notebook_runs_with_the_session_manifest(name, lean_manifest, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps(lean_manifest.to_json(), ensure_ascii=False), encoding="utf-8")
    nb = _execute(name, tmp_path, {"ATTNTHERMO_MANIFEST": str(manifest)})
    _check_outputs(name, nb)


@pytest.mark.model
def test_measuring_gamma_notebook_runs(tmp_path):
    nb = _execute("measuring-gamma", tmp_path, {})
    _check_outputs("measuring-gamma", nb)
