"""The check values of math-notes §3, read from /work/shared/math-notes.md."""

import re

import mpmath

from attnthermo.thermo.asymptotics import expansion_coefficients, gamma_one_heat_capacity


def _notes_values(shared_dir):
    text = (shared_dir / "math-notes.md").read_text(encoding="utf-8")
    pairs = re.findall(r"N = 10(\S)\s*:\s*([\d.]+)\s*/\s*([\d.]+)", text)
    supers = {"³": 3, "⁵": 5}
    big = re.search(r"N = 10¹²: exact ([\d.]+)", text).group(1)
    c1 = re.search(r"c₁ = .*?≈ ([\d.]+)", text).group(1)
    return [(10 ** supers[p], e.rstrip("."), x.rstrip(".")) for p, e, x in pairs], big.rstrip("."), c1.rstrip(".")


def test_finite_N_values_from_math_notes(shared_dir):
    pairs, big, c1 = _notes_values(shared_dir)
    assert len(pairs) == 2
    for N, exact, expansion in pairs:
        r = gamma_one_heat_capacity(N=N, dps=20)
        assert mpmath.nstr(r.exact, len(exact) - 1) == exact
        assert mpmath.nstr(r.next_order, len(expansion) - 1) == expansion
    r = gamma_one_heat_capacity(N=10**12, dps=25)
    assert mpmath.nstr(r.exact, 25).startswith(big)
    coefficients, g, _ = expansion_coefficients(4)
    value = coefficients[3].subs({g[m]: mpmath.stieltjes(m) for m in range(3)})
    assert f"{float(value):.6f}" == c1


def test_leading_law_and_erratum_errors():
    r = gamma_one_heat_capacity(N=10**3, dps=20)
    assert abs(r.leading_relative_error + mpmath.mpf("0.132")) < mpmath.mpf("0.001")  # 13% low
    assert r.erratum_relative_error > 1.5  # (log N)²/4 is 2.6× the exact value
    assert abs(r.remainder) < abs(r.next_order - r.exact)
