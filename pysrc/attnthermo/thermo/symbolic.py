"""The identities as sympy expressions (sympy's polylog, zeta, Sum), each written as
``lhs - rhs`` (or an inequality) so that a check is "simplifies to 0" where sympy can do it.

>>> sympy.simplify(pade_exp_sub_taylor())
0
"""

from __future__ import annotations

import sympy

gamma, s, z, x, L, h, theta, T, c, q, eps = sympy.symbols("gamma s z x L h theta T c q epsilon", real=True)
d = sympy.Symbol("d", integer=True, positive=True)
k = sympy.Symbol("k", integer=True, nonnegative=True)
n, m, N = sympy.symbols("n m N", integer=True, positive=True)


def simplifies_to_zero(expr: sympy.Expr) -> bool:
    """True when sympy proves ``expr == 0`` (False means "not shown", not "false")."""
    for attempt in (sympy.simplify, lambda e: sympy.simplify(sympy.expand(sympy.powsimp(e, force=True)))):
        if attempt(expr) == 0:
            return True
    return False


def _ensemble(count: int):
    E = sympy.symbols(f"E1:{count + 1}", real=True)
    w = sympy.symbols(f"w1:{count + 1}", positive=True)
    Z = sum(w)
    mean = sum(wi * Ei for wi, Ei in zip(w, E)) / Z
    second = sum(wi * Ei**2 for wi, Ei in zip(w, E)) / Z
    return E, w, Z, mean, second


def energy_variance_eq_mean_sq_deviation(count: int = 3) -> sympy.Expr:
    """(⟨E²⟩ - ⟨E⟩²) - Σ w (E - ⟨E⟩)²/Z over ``count`` symbolic states."""
    E, w, Z, mean, second = _ensemble(count)
    return (second - mean**2) - sum(wi * (Ei - mean) ** 2 for wi, Ei in zip(w, E)) / Z


def log_partition_second_derivative(count: int = 4) -> sympy.Expr:
    """∂²_γ log Σ_{d≤count} d^-γ - (S_2/S_0 - (S_1/S_0)²) with E_d = log d."""
    Z = sum(sympy.Integer(j) ** -gamma for j in range(1, count + 1))
    S = [sum(sympy.log(j) ** p * sympy.Integer(j) ** -gamma for j in range(1, count + 1)) for p in range(3)]
    return sympy.diff(sympy.log(Z), gamma, 2) - (S[2] / S[0] - (S[1] / S[0]) ** 2)


def fugacity_polylog() -> sympy.Expr:
    """z ∂_z Li_s(z) - Li_{s-1}(z) (the N = ∞ form)."""
    return z * sympy.diff(sympy.polylog(s, z), z) - sympy.polylog(s - 1, z)


def fugacity_truncated_polylog(count: int = 5) -> sympy.Expr:
    """z ∂_z Σ_{d≤count} z^d d^-s - Σ_{d≤count} z^d d^{-(s-1)}."""
    lhs = z * sympy.diff(sympy.Sum(z**d * d**-s, (d, 1, count)).doit(), z)
    return lhs - sympy.Sum(z**d * d ** (1 - s), (d, 1, count)).doit()


def fisher_eq_heat_capacity_div_sq(count: int = 3) -> sympy.Expr:
    """Σ p (-E + ⟨E⟩)² - (γ² Var)/γ² over symbolic states (γ ≠ 0)."""
    E, w, Z, mean, second = _ensemble(count)
    g = sympy.Symbol("gamma", nonzero=True)
    fisher = sum(wi * (-Ei + mean) ** 2 for wi, Ei in zip(w, E)) / Z
    return fisher - g**2 * (second - mean**2) / g**2


def uniform_variance() -> sympy.Expr:
    """Var of x uniform on [0, L] minus L²/12."""
    Lp = sympy.Symbol("L", positive=True)
    u = sympy.Symbol("u", real=True)
    first = sympy.integrate(u / Lp, (u, 0, Lp))
    second = sympy.integrate(u**2 / Lp, (u, 0, Lp))
    return second - first**2 - Lp**2 / 12


def uniform_variance_minus_quarter() -> sympy.Expr:
    """L²/12 - L²/4 = -L²/6: nonzero for L ≠ 0 (the /4 is ⟨x⟩², the erratum)."""
    return L**2 / 12 - L**2 / 4


def grid_variance() -> sympy.Expr:
    """Variance of 0, h, …, (n-1)h minus h²(n²-1)/12 (symbolic n)."""
    mean = sympy.Sum(k * h, (k, 0, n - 1)).doit() / n
    second = sympy.Sum((k * h) ** 2, (k, 0, n - 1)).doit() / n
    return second - mean**2 - h**2 * (n**2 - 1) / 12


def slowest_wavelength_ratio() -> sympy.Expr:
    """(c·q^{m-1}) / (c·q^m) = 1/q, which is < 1 for q > 1."""
    cp, qp = sympy.symbols("c q", positive=True)
    return sympy.powsimp(cp * qp ** (m - 1) / (cp * qp**m), force=True) - 1 / qp


def middle_wavelength_sq() -> sympy.Expr:
    """(q^k)² - q^{2k}."""
    qp = sympy.Symbol("q", positive=True)
    return (qp**k) ** 2 - qp ** (2 * k)


def pade_exp_sub_taylor() -> sympy.Expr:
    """(2-x)/(2+x) - (1 - x + x²/2) + x³/(2(2+x))."""
    return (2 - x) / (2 + x) - (1 - x + x**2 / 2) + x**3 / (2 * (2 + x))


def pade_gamma(theta_=theta, T_=T, s_=s) -> sympy.Expr:
    return (2 * theta_ - T_ * s_) / (2 * theta_ + T_ * s_)


def horizon(theta_=theta, gamma_=gamma, s_=s) -> sympy.Expr:
    return theta_ * (1 - gamma_) * s_ / (1 + gamma_)


def horizon_pade_gamma() -> sympy.Expr:
    """horizon(θ, γ_Padé(θ, T, s), s) - T s²/2 (= 0; with s² = 2 it returns T)."""
    return horizon(theta, pade_gamma(theta, T, s), s) - T * s**2 / 2


def pade_gamma_negative() -> sympy.Expr:
    """γ_Padé as an expression; negative when T s > 2θ > 0."""
    return pade_gamma()


def partition_polylog() -> sympy.Expr:
    """Σ_{d≥1} z^d d^-γ - Li_γ(z)."""
    return sympy.Sum(z**d * d**-gamma, (d, 1, sympy.oo)) - sympy.polylog(gamma, z)


def tail_integral() -> sympy.Expr:
    """∫_D^∞ x^-γ dx for γ > 1 minus D^{1-γ}/(γ-1)."""
    Dp, gp, u = sympy.Symbol("D", positive=True), sympy.Symbol("gamma", positive=True), sympy.Symbol("u", positive=True)
    integral = sympy.integrate(u ** -(1 + gp), (u, Dp, sympy.oo), conds="none")  # γ = 1 + gp > 1
    return integral - Dp ** (-gp) / gp


def hagedorn_integral() -> sympy.Expr:
    """∫_0^∞ e^{E} e^{-γE} dE (density of states e^E): Piecewise, finite iff γ > 1."""
    E = sympy.Symbol("E", positive=True)
    return sympy.integrate(sympy.exp((1 - gamma) * E), (E, 0, sympy.oo))


def maxent_stationarity() -> sympy.Expr:
    """p solving ∂/∂p [-p log p - γ p E - λ p] = 0: p = e^{-1-λ} e^{-γE} ∝ d^-γ at E = log d."""
    p, lam, E = sympy.symbols("p lambda E", positive=True)
    solutions = sympy.solve(sympy.diff(-p * sympy.log(p) - gamma * p * E - lam * p, p), p)
    return solutions[0] - sympy.exp(-1 - lam) * sympy.exp(-gamma * E)


def susceptibility_limits() -> tuple[sympy.Expr, sympy.Expr]:
    """(lim ε·⟨log d⟩, lim ε²·Var) as ε → 0⁺ with Z = ζ(1+ε) = 1/ε + γ_0 - γ_1 ε + γ_2 ε²/2 + O(ε³)
    (sympy cannot expand ``zeta`` at its pole, so its Laurent series in Stieltjes constants is used)."""
    e = sympy.Symbol("epsilon", positive=True)
    zeta_laurent = 1 / e + sum((-1) ** j * sympy.stieltjes(j) * e**j / sympy.factorial(j) for j in range(3))
    log_z = sympy.log(zeta_laurent)
    mean = -sympy.diff(log_z, e)
    variance = sympy.diff(log_z, e, 2)
    return sympy.limit(e * mean, e, 0, "+"), sympy.limit(e**2 * variance, e, 0, "+")


def n_active_overcount() -> sympy.Expr:
    """continuous - exact = (d_h/2 - x) - (d_h/2 - 1 - ⌊x⌋) = 1 + ⌊x⌋ - x ∈ (0, 1]."""
    dh = sympy.Symbol("d_h", positive=True)
    return (dh / 2 - x) - (dh / 2 - 1 - sympy.floor(x))


def fractional_order_range() -> sympy.Set:
    """{γ real : 0 < γ - 1 < 2}, which sympy reduces to the open interval (1, 3)."""
    return sympy.And(gamma - 1 > 0, gamma - 1 < 2).as_set()
