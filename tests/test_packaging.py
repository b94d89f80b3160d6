"""The wheel ships the Lean project, so an installed attnthermo can check it without the repository."""

import subprocess
import sys
import zipfile

import pytest


@pytest.fixture(scope="module")
def wheel(repo_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(repo_root)], check=True)
    (path,) = out.glob("attnthermo-*.whl")
    return path


def test_wheel_ships_lean_sources_pins_and_values(wheel, repo_root):
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in sorted((repo_root / "lean" / "AttnThermo").glob("*.lean")):
        assert f"attnthermo/_shipped/lean/AttnThermo/{source.name}" in names
    for shipped in ("lakefile.lean", "lean-toolchain", "bridge/pinned-statements.toml", "bridge/values.toml"):
        assert f"attnthermo/_shipped/{shipped}" in names
    assert "attnthermo/data/claims.toml" in names
    assert "attnthermo/lean/npm/package-lock.json" in names


def test_installed_layout_finds_the_shipped_project(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path)
    found = subprocess.run(
        [sys.executable, "-c", "from attnthermo import paths; print(paths.shipped_project_root())"],
        cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)}, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert found == str(tmp_path / "attnthermo" / "_shipped")
