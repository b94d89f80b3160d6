"""C_V at γ = 1 versus log N: the expansion, its remainder at a given N, and the erratum beside it.

With T_m(N) = Σ_{d≤N} (log d)^m / d = L^{m+1}/(m+1) + γ_m + o(1) (L = log N, γ_m Stieltjes
constants), Var = T_2/T_0 - (T_1/T_0)² expands in 1/L as (math-notes §3)

    L²/12 + (γ_0/6)·L - (5γ_0²/12 + γ_1) + c₁/L + c₂/L² + …

(the o(1) hides Euler–Maclaurin terms of size L^m/N, which still matter at N ≈ 10³).
The coefficients are derived here by sympy from that definition (not typed in), so the next
term (the size of the remainder) comes from the same derivation.

>>> r = gamma_one_heat_capacity(N=10**3, dps=15)
>>> mpmath.nstr(r.exact, 12), mpmath.nstr(r.next_order, 12)
('4.58002953758', '4.57495938615')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath

from attnthermo.thermo.ensemble import heat_capacity
from attnthermo.thermo.params import as_count, as_dps


@lru_cache(maxsize=None)
def expansion_coefficients(order: int = 4) -> tuple:
    """sympy coefficients a_j of L^{2-j}, j = 0..order, in the Stieltjes constants g0, g1, …"""
    import sympy

    L = sympy.Symbol("L", positive=True)
    g = sympy.symbols(f"g0:{order + 2}")
    u = sympy.Symbol("u", positive=True)  # u = 1/L
    T = [(1 / u) ** (m + 1) / (m + 1) + g[m] for m in range(3)]
    variance = T[2] / T[0] - (T[1] / T[0]) ** 2
    series = sympy.series(sympy.simplify(variance * u**2), u, 0, order + 1).removeO()
    poly = sympy.Poly(sympy.expand(series), u)
    return tuple(sympy.simplify(poly.coeff_monomial(u**j)) for j in range(order + 1)), g[:3], L


def expansion_terms(N: object, order: int, dps: int) -> list[mpmath.mpf]:
    """The terms a_j L^{2-j}, j = 0..order, evaluated at N."""
    import sympy

    coefficients, g, _ = expansion_coefficients(max(order, 1))
    with mpmath.workdps(dps + 10):
        L = mpmath.log(N)
        values = {g[m]: sympy.Float(mpmath.nstr(mpmath.stieltjes(m), dps + 10), dps + 10) for m in range(3)}
        return [mpmath.mpf(str(sympy.N(coefficients[j].subs(values), dps + 10))) * L ** (2 - j)
                for j in range(order + 1)]


@dataclass(frozen=True)
class GammaOneHeatCapacity:
    """C_V(γ=1) at N: exact, the leading law, the expansion through c₁/L, the erratum."""

    N: int
    exact: mpmath.mpf
    leading: mpmath.mpf  # (log N)²/12
    next_order: mpmath.mpf  # leading + (γ_E/6) log N - (5γ_E²/12 + γ_1)
    expansion: mpmath.mpf  # next_order + c₁/log N
    next_term: mpmath.mpf  # c₂/(log N)²: the size of the remainder after ``expansion``
    erratum: mpmath.mpf  # (log N)²/4, the value first published

    @property
    def leading_relative_error(self) -> mpmath.mpf:
        return (self.leading - self.exact) / self.exact

    @property
    def remainder(self) -> mpmath.mpf:
        """exact - expansion, measured."""
        return self.exact - self.expansion

    @property
    def erratum_relative_error(self) -> mpmath.mpf:
        return (self.erratum - self.exact) / self.exact


def gamma_one_heat_capacity(*, N: object, dps: int | None = None) -> GammaOneHeatCapacity:
    """C_V(γ = 1, N) beside its asymptotic laws; N ≥ 2 finite (the laws are in 1/log N)."""
    digits = as_dps(dps)
    n = as_count(N, "N", allow_infinite=False, minimum=2)
    exact = heat_capacity(gamma=1, N=n, dps=digits)
    terms = expansion_terms(n, 4, digits)
    with mpmath.workdps(digits):
        L = mpmath.log(n)
        return GammaOneHeatCapacity(
            N=n, exact=exact, leading=+terms[0], next_order=terms[0] + terms[1] + terms[2],
            expansion=terms[0] + terms[1] + terms[2] + terms[3], next_term=+terms[4],
            erratum=L**2 / 4,
        )
