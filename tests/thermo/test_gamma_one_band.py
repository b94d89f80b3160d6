"""Exact C_V(γ = 1, N) with ℓ = log lies inside the band Lean proved for every log-like ℓ.

The band is read from the statement Lean printed (attnthermo.lean_band), not retyped; the exact
values come from attnthermo.thermo (Stieltjes constants, O(1) per N), the expansion
L²/12 + (γ_E/6) L - (5γ_E²/12 + γ₁) from attnthermo.thermo.asymptotics.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from attnthermo.lean_band import BAND_THEOREM, LeanBand, lean_band, parse_band
from attnthermo.thermo.asymptotics import expansion_terms
from attnthermo.thermo.ensemble import heat_capacity

DPS = 20
# 2..10 (where the band's constants matter most), then 36 points geometric up to 10^15
SIZES = list(range(2, 11)) + sorted({int(10 ** (1 + k * 14 / 35)) for k in range(36)})


@pytest.fixture(scope="module")
def exact_values() -> dict[int, tuple[mpmath.mpf, mpmath.mpf]]:
    """{N: (L = log N, exact C_V(1, N))}."""
    with mpmath.workdps(DPS):
        return {n: (mpmath.log(n), heat_capacity(gamma=1, N=n, dps=DPS)) for n in SIZES}


def outside(band: LeanBand, values: dict[int, tuple[mpmath.mpf, mpmath.mpf]]) -> dict[int, str]:
    """{N: why} for every N ≥ N_min whose value lies outside the band."""
    bad = {}
    with mpmath.workdps(DPS):
        for n, (L, value) in values.items():
            if n < band.N_min:
                continue
            low, high = band.bounds(L)
            if not low <= value <= high:
                bad[n] = f"{mpmath.nstr(value, 12)} not in [{mpmath.nstr(low, 12)}, {mpmath.nstr(high, 12)}]"
    return bad


def test_sizes_cover_two_to_ten_to_the_fifteen() -> None:
    assert len(SIZES) >= 40 and min(SIZES) == 2 and max(SIZES) == 10**15


def test_a_band_tightened_below_the_truth_fails(exact_values) -> None:
    # truth (ℓ = log): 0.06 < C_V - L²/12 < L/6 - 0.02 for these N, slope γ_E/6 ≈ 0.0962 for large N;
    # each side tightened past it (the slope to 1/11 ≈ 0.0909) fails at some N
    assert outside(LeanBand("t", 2, (Fraction(0), Fraction(1, 10)), (Fraction(1, 6), Fraction(0))), exact_values)
    assert outside(LeanBand("t", 2, (Fraction(0), Fraction(0)), (Fraction(1, 6), Fraction(-1, 10))), exact_values)
    assert outside(LeanBand("t", 2, (Fraction(0), Fraction(0)), (Fraction(1, 11), Fraction(0))), exact_values)
    assert not outside(LeanBand("t", 2, (Fraction(0), Fraction(0)), (Fraction(1, 6), Fraction(0))), exact_values)


def test_parse_band_refuses_a_statement_of_another_form() -> None:
    with pytest.raises(ValueError, match="statement of"):
        parse_band("∀ (N : Nat), 2 ≤ N → V ≤ ℓ N ^ 2 / 4")
    with pytest.raises(ValueError, match="not linear"):
        parse_band("∀ (N : Nat), 2 ≤ N → -1 ≤ V - ℓ N ^ 2 / 12 ∧ V - ℓ N ^ 2 / 12 ≤ ℓ N ^ 3")


@pytest.mark.lean
def test_exact_heat_capacity_and_its_expansion_lie_in_the_lean_band(lean_manifest, exact_values) -> None:
    band = lean_band(lean_manifest)
    assert band is not None, f"{BAND_THEOREM} is not proved in the manifest"
    assert band.N_min == 2 and band.upper[0] == Fraction(1, 6)
    assert outside(band, exact_values) == {}
    with mpmath.workdps(DPS):
        expansion = {n: (L, mpmath.fsum(expansion_terms(n, 2, DPS))) for n, (L, _) in exact_values.items()}
    assert outside(band, expansion) == {}
