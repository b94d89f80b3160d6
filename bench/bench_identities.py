"""Benchmark: exact O(1) evaluation versus brute force, as ratios, in one run.

Times energy_variance (which needs S_0, S_1, S_2) at 30 digits for N = 10³, 10⁶, 10⁹, 10¹² in
three cases (γ ≠ 1 with z = 1, γ = 1, z < 1) against the mpmath brute-force sum (measured at
N = 10³, 10⁴, 10⁵; N = 10⁶ extrapolated linearly from those, and labelled so) and a float64
numpy brute force for scale. Run: ``python bench/bench_identities.py``.
"""

from __future__ import annotations

import time
from fractions import Fraction

import numpy as np

from attnthermo.thermo.ensemble import energy_variance
from attnthermo.thermo.reference import brute_force_sums

DPS = 30
CASES = [("gamma=3/2, z=1", Fraction(3, 2), 1), ("gamma=1, z=1", 1, 1), ("gamma=3/2, z=9/10", Fraction(3, 2), Fraction(9, 10))]


def timed(function, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def numpy_brute(gamma, N, z) -> float:
    d = np.arange(1, N + 1, dtype=np.float64)
    w = float(z) ** d * d ** (-float(gamma))
    e = np.log(d)
    Z = w.sum()
    mean = (w * e).sum() / Z
    return float((w * e * e).sum() / Z - mean * mean)


def main() -> None:
    print(f"energy_variance at {DPS} digits: exact O(1) route vs brute force (seconds; ratios)")
    for label, gamma, z in CASES:
        energy_variance(gamma=gamma, N=10, z=z, dps=DPS)  # warm caches (Stieltjes constants, Bernoulli numbers)
        exact = {N: timed(lambda N=N: energy_variance(gamma=gamma, N=N, z=z, dps=DPS), repeat=2)
                 for N in (10**3, 10**6, 10**9, 10**12)}
        brute = {N: timed(lambda N=N: brute_force_sums(gamma, N, z, dps=DPS)) for N in (10**3, 10**4, 10**5)}
        slope = (brute[10**5] - brute[10**3]) / (10**5 - 10**3)
        brute_1e6 = brute[10**5] + slope * (10**6 - 10**5)
        np_time = {N: timed(lambda N=N: numpy_brute(gamma, N, z), repeat=3) for N in (10**3, 10**6)}
        print(f"\n[{label}]")
        for N, t in exact.items():
            print(f"  exact      N=1e{len(str(N)) - 1:<3d} {t:9.4f} s   (x{t / exact[10**3]:.2f} of N=1e3)")
        for N, t in brute.items():
            print(f"  mpmath brute N=1e{len(str(N)) - 1:<3d} {t:9.4f} s   (measured; {t / exact[10**3]:.0f}x the exact time at N=1e3)")
        print(f"  mpmath brute N=1e6   {brute_1e6:9.2f} s   (EXTRAPOLATED linearly from 1e3..1e5)")
        print(f"  speed-up at N=1e6: {brute_1e6 / exact[10**6]:.0f}x   flatness 1e12/1e3: {exact[10**12] / exact[10**3]:.2f}")
        print(f"  numpy float64 brute (~16 digits at best): N=1e3 {np_time[10**3]:.5f} s, N=1e6 {np_time[10**6]:.4f} s")


if __name__ == "__main__":
    main()
