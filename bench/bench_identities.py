"""Benchmark: exact O(1) evaluation versus brute force, as ratios, in one run.

Times energy_variance (which needs S_0, S_1, S_2) at 30 digits for N = 10³, 10⁶, 10⁹, 10¹² in
three cases (γ ≠ 1 with z = 1, γ = 1, z < 1) against the mpmath brute-force sum (measured at
N = 10³, 10⁴, 10⁵; N = 10⁶ extrapolated linearly from those, and labelled so) and a float64
numpy brute force for scale. Then the fugacity target of issue 12: every ensemble function at
30 digits with z < 1, as a ratio to the same function at z = 1 (same γ, N, same run; target ≤ 3).
Run: ``python bench/bench_identities.py`` (``--z-only`` for the second part).
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction

import numpy as np

from attnthermo.thermo import ensemble
from attnthermo.thermo.ensemble import energy_variance
from attnthermo.thermo.power_sums import choose_route
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


FUNCTIONS = ("partition", "mean_energy", "energy_variance", "heat_capacity", "fisher_information", "entropy",
             "free_energy")
Z_GAMMAS = (Fraction(7, 100), Fraction(3, 2), 5)
Z_N = (2, 10**3, 10**6, 10**12)
Z_VALUES = (Fraction(1, 2), Fraction(9, 10), Fraction(99, 100), Fraction(999, 1000), 1 - Fraction(1, 10**9))


def fugacity_ratios() -> None:
    """z < 1 against z = 1, per function and (γ, N), at 30 digits: the worst ratio per z."""
    print(f"\nz < 1 vs z = 1 at {DPS} digits (ratio of seconds, same γ and N; target ≤ 3)")
    worst: dict = {}
    every: dict = {}
    for gamma in Z_GAMMAS:
        for N in Z_N:
            for name in FUNCTIONS:
                function = getattr(ensemble, name)
                base = timed(lambda: function(gamma=gamma, N=N, z=1, dps=DPS), repeat=2)
                for z in Z_VALUES:
                    t = timed(lambda: function(gamma=gamma, N=N, z=z, dps=DPS), repeat=2)
                    route = choose_route(gamma, N, z)
                    key = (z, route)
                    ratio = t / base
                    every.setdefault(key, []).append(ratio)
                    if key not in worst or ratio > worst[key][0]:
                        worst[key] = (ratio, name, gamma, N, t, base)
    for (z, route), (ratio, name, gamma, N, t, base) in sorted(worst.items()):
        flag = "ok" if ratio <= 3 else "ABOVE TARGET"
        median = sorted(every[(z, route)])[len(every[(z, route)]) // 2]
        print(f"  z={str(z):<9} route={route:<15} median {median:5.2f}, worst {ratio:6.2f} ({name}, γ={gamma}, "
              f"N={N:.0e}: {t:.3f} s vs {base:.3f} s at z=1; {len(every[(z, route)])} cases)  {flag}")


if __name__ == "__main__":
    if "--z-only" not in sys.argv:
        main()
    fugacity_ratios()
