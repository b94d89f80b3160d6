"""Tails Σ_{d>D} d^-γ and partial sums Σ_{d≤D} d^-γ across γ = 1, exact and with two-sided
integral-test bounds (math-notes §5; claim ``tail-boundary``).

For f(x) = x^-γ decreasing (γ > 0): ∫_{D+1}^∞ f ≤ Σ_{d>D} f(d) ≤ ∫_D^∞ f and
∫_1^{D+1} f ≤ Σ_{d≤D} f(d) ≤ 1 + ∫_1^D f. For γ < 0 (f increasing) the partial-sum bounds are
∫_0^D f ≤ Σ ≤ ∫_1^{D+1} f; γ = 0 gives D exactly.

>>> t = partial_sum(gamma=1, D=1000, dps=15)
>>> t.lower <= t.exact <= t.upper
True
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath

from attnthermo.errors import DomainError
from attnthermo.thermo.params import as_count, as_dps, as_real, to_mpf
from attnthermo.thermo.power_sums import digits_lost, power_sums
from attnthermo.thermo.precision import certify


@dataclass(frozen=True)
class SumEstimate:
    """A sum with its exact value, integral-test bounds and leading asymptotic form."""

    exact: mpmath.mpf
    lower: mpmath.mpf
    upper: mpmath.mpf
    asymptotic: mpmath.mpf
    asymptotic_form: str

    @property
    def asymptotic_relative_error(self) -> mpmath.mpf:
        return abs(self.asymptotic - self.exact) / abs(self.exact)


def _integral(gamma: mpmath.mpf, a: mpmath.mpf, b: mpmath.mpf) -> mpmath.mpf:
    """∫_a^b x^-γ dx (b may be +∞ for γ > 1)."""
    if gamma == 1:
        return mpmath.log(b) - mpmath.log(a)
    if b == mpmath.inf:
        return a ** (1 - gamma) / (gamma - 1)
    return (b ** (1 - gamma) - a ** (1 - gamma)) / (1 - gamma)


def tail(*, gamma: object, D: object, dps: int | None = None) -> SumEstimate:
    """Σ_{d>D} d^-γ = ζ(γ, D+1) for γ > 1; asymptotically D^{1-γ}/(γ-1).

    >>> t = tail(gamma=2, D=10, dps=15); t.lower <= t.exact <= t.upper
    True
    """
    digits = as_dps(dps)
    g = as_real(gamma, "gamma")
    n = as_count(D, "D", allow_infinite=False)
    if g <= 1:
        raise DomainError("gamma", gamma, "the tail Σ_{d>D} d^-gamma diverges for gamma <= 1")
    exact = certify(lambda wp: mpmath.zeta(to_mpf(g), n + 1), digits, what="tail")
    with mpmath.workdps(digits + 10):
        s, Dm = to_mpf(g), mpmath.mpf(n)
        lower, upper = _integral(s, Dm + 1, mpmath.inf), _integral(s, Dm, mpmath.inf)
        asymptotic = Dm ** (1 - s) / (s - 1)
    with mpmath.workdps(digits):
        return SumEstimate(exact, +lower, +upper, +asymptotic, "D^(1-gamma)/(gamma-1)")


def partial_sum(*, gamma: object, D: object, dps: int | None = None) -> SumEstimate:
    """Σ_{d≤D} d^-γ, for every real γ, with the asymptotic form for its regime:
    D^{1-γ}/(1-γ) (γ < 1), log D + γ_E (γ = 1), ζ(γ) - D^{1-γ}/(γ-1) (γ > 1).

    >>> partial_sum(gamma=0, D=7, dps=10).exact
    mpf('7.0')
    """
    digits = as_dps(dps)
    g = as_real(gamma, "gamma")
    n = as_count(D, "D", allow_infinite=False)
    exact = certify(lambda wp: power_sums(g, n, 1, wp=wp, k_max=0).sums[0], digits, what="partial_sum",
                    extra=digits_lost(g, n, 1, k_max=0))
    with mpmath.workdps(digits + 10):
        s, Dm = to_mpf(g), mpmath.mpf(n)
        if g > 0:
            lower, upper = _integral(s, mpmath.mpf(1), Dm + 1), 1 + _integral(s, mpmath.mpf(1), Dm)
        elif g < 0:
            lower, upper = _integral(s, mpmath.mpf(0), Dm), _integral(s, mpmath.mpf(1), Dm + 1)
        else:
            lower = upper = Dm
        if g < 1:
            asymptotic, form = Dm ** (1 - s) / (1 - s), "D^(1-gamma)/(1-gamma)"
        elif g == 1:
            asymptotic, form = mpmath.log(Dm) + mpmath.euler, "log D + gamma_E"
        else:
            asymptotic, form = mpmath.zeta(s) - Dm ** (1 - s) / (s - 1), "zeta(gamma) - D^(1-gamma)/(gamma-1)"
    with mpmath.workdps(digits):
        return SumEstimate(exact, +lower, +upper, +asymptotic, form)
