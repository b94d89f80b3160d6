"""Brute-force references (loops over d = 1..N): never an evaluation route, only the yardstick
that :meth:`Identity.check`, the tests and the benchmark compare the O(1) routes against.

>>> import mpmath
>>> mpmath.nstr(brute_force_sums(1, 2, 1, dps=20)[0], 5)  # 1 + 1/2
'1.5'
"""

from __future__ import annotations

import mpmath

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.thermo.params import as_fugacity, as_real, to_mpf


def brute_force_sums(gamma: object, N: int, z: object = 1, *, dps: int = DEFAULT_DPS, k_max: int = 2) -> list[mpmath.mpf]:
    """[S_0, …, S_{k_max}] with S_k = Σ_{d≤N} (log d)^k z^d d^-γ, summed term by term."""
    g, zz = as_real(gamma, "gamma"), as_fugacity(z)
    with mpmath.workdps(dps + 10):
        g, zz = to_mpf(g), to_mpf(zz)
        sums = [mpmath.mpf(0)] * (k_max + 1)
        for d in range(1, N + 1):
            weight = zz**d * mpmath.mpf(d) ** (-g)
            log_d = mpmath.log(d)
            power = mpmath.mpf(1)
            for k in range(k_max + 1):
                sums[k] += power * weight
                power *= log_d
        return sums


def brute_force_moments(gamma: object, N: int, z: object = 1, *, dps: int = DEFAULT_DPS) -> dict[str, mpmath.mpf]:
    """Z, ⟨E⟩, Var(E) as the mean of squared deviations, Fisher as E[score²], entropy as -Σ p log p."""
    g, zz = to_mpf(as_real(gamma, "gamma")), as_fugacity(z)
    with mpmath.workdps(dps + 10):
        g, zz = to_mpf(as_real(gamma, "gamma")), to_mpf(zz)
        weights = [zz**d * mpmath.mpf(d) ** (-g) for d in range(1, N + 1)]
        energies = [mpmath.log(d) for d in range(1, N + 1)]
        Z = mpmath.fsum(weights)
        p = [w / Z for w in weights]
        mean = mpmath.fsum(pi * e for pi, e in zip(p, energies))
        variance = mpmath.fsum(pi * (e - mean) ** 2 for pi, e in zip(p, energies))
        log_p = [mpmath.log(pi) for pi in p]
        score = [-e + mean for e in energies]  # ∂_γ log p_d
        fisher = mpmath.fsum(pi * s**2 for pi, s in zip(p, score))
        entropy = -mpmath.fsum(pi * lp for pi, lp in zip(p, log_p))
        return {"partition": Z, "mean_energy": mean, "energy_variance": variance,
                "fisher_information": fisher, "entropy": entropy}
