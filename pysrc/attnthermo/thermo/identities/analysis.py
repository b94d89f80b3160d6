"""Identities core Lean cannot state (real powers, logarithms, limits, infinite sums): tails and
partial sums across γ = 1, the maximum-entropy principle, the density of states, the γ → 1⁺
divergence, the exact RoPE count n_active, the Lévy range of the fractional reading.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import mpmath

from attnthermo.defaults import DEFAULT_DPS, FLOAT_DPS
from attnthermo.errors import DomainError
from attnthermo.thermo import ensemble, rope, tails
from attnthermo.thermo.checks import Tally, require_sympy_equal
from attnthermo.thermo.identities.identity import declare, describe, equation
from attnthermo.thermo.params import as_real, guarded_dps, to_mpf

NO_LEAN_ANALYSIS = "core Lean has no real powers, logarithms or infinite sums"

# -- tail_bounds ---------------------------------------------------------------------------------------

TAIL_GAMMAS = (Fraction(-3, 2), 0, Fraction(1, 2), 1, Fraction(3, 2), 3)
TAIL_D = (10, 1000, 10**6)
BRUTE_FORCE_MAX_D = 1000


def _tail_form():
    import sympy

    D, g, u = (sympy.Symbol(n, positive=True) for n in ("D", "g", "u"))  # γ = 1 + g > 1
    integral = sympy.Integral(u ** -(1 + g), (u, D, sympy.oo))
    return equation(integral, D ** (-g) / g)


def _partial_sum_value(*, gamma, D, dps):
    return tails.partial_sum(gamma=gamma, D=D, dps=dps).exact


def _tail_check(t: Tally) -> None:
    require_sympy_equal(t, _tail_form(), "∫_D^∞ x^-γ = D^(1-γ)/(γ-1)")
    for gamma in TAIL_GAMMAS:
        errors = []
        for D in TAIL_D:
            p = tails.partial_sum(gamma=gamma, D=D, dps=t.dps)
            t.require(p.lower <= p.exact <= p.upper, f"partial sum bounds γ={gamma}, D={D}")
            errors.append(abs(p.asymptotic - p.exact) / (abs(p.exact) if gamma <= 1 else 1))
            if D <= BRUTE_FORCE_MAX_D:
                with mpmath.workdps(t.dps + 10):
                    brute = mpmath.fsum(mpmath.mpf(d) ** -to_mpf(as_real(gamma, "gamma")) for d in range(1, D + 1))
                t.compare(p.exact, brute, f"partial sum γ={gamma}, D={D} vs brute force")
            if gamma > 1:
                q = tails.tail(gamma=gamma, D=D, dps=t.dps)
                t.require(q.lower <= q.exact <= q.upper, f"tail bounds γ={gamma}, D={D}")
        t.require(errors[-1] < errors[0] or errors[0] == errors[-1] == 0, f"asymptotic form improves with D at γ={gamma}")


TAILS = declare(
    name="tail_bounds", lean_module=None, no_lean_reason=NO_LEAN_ANALYSIS,
    statement="∫_{D+1}^∞ x^-γ ≤ Σ_{d>D} d^-γ ≤ ∫_D^∞ x^-γ (γ > 1); partial sums between their integral bounds; "
              "growth D^{1-γ}/(1-γ) (γ < 1), log D + γ_E (γ = 1)",
    point=dict(gamma=1, D=1000, dps=DEFAULT_DPS),
    grid=f"γ ∈ {describe(TAIL_GAMMAS)}, D ∈ {describe(TAIL_D)}; brute force at D ≤ {BRUTE_FORCE_MAX_D}",
    form=_tail_form, evaluate=_partial_sum_value, check=_tail_check,
)

# -- maxent_power_law ----------------------------------------------------------------------------------

MAXENT_POINTS = ((Fraction(1, 2), 12, 1), (2, 12, 1), (1, 12, Fraction(1, 2)))
PERTURBATIONS = 5


def _maxent_form():
    import sympy

    p, lam, E, gamma = sympy.symbols("p lambda E gamma", positive=True)
    (solution,) = sympy.solve(sympy.diff(-p * sympy.log(p) - gamma * p * E - lam * p, p), p)
    return equation(solution, sympy.exp(-1 - lam) * sympy.exp(-gamma * E))


def _log_partition(*, gamma, N, z, dps):
    """log Z = max_p [H(p) - γ⟨E⟩_p + ⟨d⟩_p log z]."""
    value = ensemble.partition(gamma=gamma, N=N, z=z, dps=guarded_dps(dps, 5))
    with mpmath.workdps(dps + 5):
        result = mpmath.log(value)
    with mpmath.workdps(dps):
        return +result


def _maxent_check(t: Tally) -> None:
    require_sympy_equal(t, _maxent_form(), "the stationary point of H - γ⟨E⟩ - λΣp is ∝ e^{-γE}")
    rng = random.Random(3)
    for gamma, N, z in MAXENT_POINTS:
        log_z = _log_partition(gamma=gamma, N=N, z=z, dps=t.dps)
        with mpmath.workdps(t.dps + 10):
            g, zz = to_mpf(as_real(gamma, "gamma")), to_mpf(as_real(z, "z"))
            gibbs = [zz**d * mpmath.mpf(d) ** -g for d in range(1, N + 1)]
            Z = mpmath.fsum(gibbs)
            gibbs = [w / Z for w in gibbs]

            def objective(p):
                return mpmath.fsum(-pi * mpmath.log(pi) - g * pi * mpmath.log(d) + pi * d * mpmath.log(zz)
                                   for d, pi in enumerate(p, start=1) if pi > 0)

            t.compare(objective(gibbs), log_z, f"H - γ⟨E⟩ + ⟨d⟩log z = log Z at the Gibbs state (γ={gamma}, z={z})", scale=1)
            for trial in range(PERTURBATIONS):
                noise = [mpmath.mpf(rng.uniform(0.5, 1.5)) for _ in range(N)]
                q = [pi * e for pi, e in zip(gibbs, noise)]
                total = mpmath.fsum(q)
                q = [qi / total for qi in q]
                kl = mpmath.fsum(qi * mpmath.log(qi / pi) for qi, pi in zip(q, gibbs))
                t.require(objective(q) < log_z, f"any other distribution scores below log Z (trial {trial})")
                t.compare(log_z - objective(q), kl, f"the gap is KL(q‖p) (trial {trial})", scale=1)


MAXENT = declare(
    name="maxent_power_law", lean_module=None, no_lean_reason=NO_LEAN_ANALYSIS,
    statement="log Z = max_p [H(p) - γ⟨log d⟩_p + ⟨d⟩_p log z], attained only at p_d ∝ z^d d^-γ (gap = KL)",
    point=dict(gamma=2, N=1000, z=1, dps=DEFAULT_DPS),
    grid=f"(γ, N, z) ∈ {describe(MAXENT_POINTS)}, {PERTURBATIONS} random perturbations each",
    form=_maxent_form, evaluate=_log_partition, check=_maxent_check,
)

# -- hagedorn_density_of_states ------------------------------------------------------------------------

COUNT_ENERGIES = (Fraction(1, 2), 1, 3, Fraction(23, 4), 9)
COUNT_UP_TO = 10**4
DIVERGING, BOUNDED = (Fraction(1, 2), 1), (Fraction(11, 10), 2)


def _hagedorn_form():
    import sympy

    E, g = sympy.Symbol("E", positive=True), sympy.Symbol("g", positive=True)  # γ = 1 + g
    return equation(sympy.Integral(sympy.exp(E) * sympy.exp(-(1 + g) * E), (E, 0, sympy.oo)), 1 / g)


def _count_states(*, E0, dps):
    """#{d ≥ 1 : log d ≤ E0} = ⌊e^{E0}⌋ (E0 ≥ 0): the density of states grows like e^E."""
    with mpmath.workdps(dps + 10):
        energy = to_mpf(as_real(E0, "E0"))
        if energy < 0:
            raise DomainError("E0", E0, "no state has negative energy log d (d >= 1)")
        return int(mpmath.floor(mpmath.exp(energy)))


def _hagedorn_check(t: Tally) -> None:
    require_sympy_equal(t, _hagedorn_form(), "∫_0^∞ e^E e^{-γE} dE = 1/(γ-1) for γ > 1")
    for E0 in COUNT_ENERGIES:
        count = _count_states(E0=E0, dps=t.dps)
        with mpmath.workdps(t.dps + 10):
            brute = sum(1 for d in range(1, COUNT_UP_TO + 1) if mpmath.log(d) <= to_mpf(as_real(E0, "E0")))
        t.require(count == brute, f"#{{d: log d <= {E0}}} = ⌊e^{E0}⌋ = {count}")
    for gamma in DIVERGING:  # γ ≤ 1: partial sums pass any bound (the integral-test lower bound grows)
        lows = [tails.partial_sum(gamma=gamma, D=D, dps=FLOAT_DPS).lower for D in (10**3, 10**6, 10**12)]
        t.require(lows[0] < lows[1] < lows[2] and lows[2] > 2 * lows[0], f"γ={gamma}: Σ_{{d≤D}} d^-γ grows without bound")
    for gamma in BOUNDED:
        bound = ensemble.partition(gamma=gamma, N=math.inf, dps=FLOAT_DPS)
        t.require(all(ensemble.partition(gamma=gamma, N=D, dps=FLOAT_DPS) < bound for D in (10**3, 10**12)),
                  f"γ={gamma}: Z_N stays below ζ(γ)")


HAGEDORN = declare(
    name="hagedorn_density_of_states", lean_module=None, no_lean_reason=NO_LEAN_ANALYSIS,
    statement="#{d : log d ≤ E₀} = ⌊e^{E₀}⌋ (density of states ~ e^E), so Σ e^{-γE} converges iff γ > 1",
    point=dict(E0=5, dps=DEFAULT_DPS),
    grid=(f"E₀ ∈ {describe(COUNT_ENERGIES)} counted up to d = {COUNT_UP_TO}; γ ∈ {describe(DIVERGING)} diverging, "
          f"{describe(BOUNDED)} bounded (N up to 10¹²)"),
    form=_hagedorn_form, evaluate=_count_states, check=_hagedorn_check,
)

# -- susceptibility_scaling ----------------------------------------------------------------------------

EPSILON_EXPONENTS = (2, 4, 6, 8)


def _susceptibility_limits():
    """(lim ε·⟨log d⟩, lim ε²·Var) as ε → 0⁺ with Z = ζ(1+ε) = 1/ε + γ_0 - γ_1 ε + γ_2 ε²/2 + O(ε³)
    (sympy cannot expand ``zeta`` at its pole, so its Laurent series in Stieltjes constants is used)."""
    import sympy

    e = sympy.Symbol("epsilon", positive=True)
    zeta_laurent = 1 / e + sum((-1) ** j * sympy.stieltjes(j) * e**j / sympy.factorial(j) for j in range(3))
    log_z = sympy.log(zeta_laurent)
    return sympy.limit(e * -sympy.diff(log_z, e), e, 0, "+"), sympy.limit(e**2 * sympy.diff(log_z, e, 2), e, 0, "+")


def _susceptibility_form():
    import sympy

    mean_limit, variance_limit = _susceptibility_limits()
    return equation(sympy.Tuple(mean_limit, variance_limit), sympy.Tuple(1, 1))


def _susceptibility_value(*, epsilon, dps):
    """ε²·Var(log d) at γ = 1 + ε, N = ∞ (→ 1 as ε → 0⁺)."""
    eps = as_real(epsilon, "epsilon")
    if eps <= 0:
        raise DomainError("epsilon", epsilon, "must be positive (gamma = 1 + epsilon > 1)")
    variance = ensemble.energy_variance(gamma=1 + eps, N=math.inf, dps=guarded_dps(dps, 5))
    with mpmath.workdps(dps + 5):
        value = to_mpf(eps) ** 2 * variance
    with mpmath.workdps(dps):
        return +value


def _susceptibility_check(t: Tally) -> None:
    form = _susceptibility_form()
    t.require(tuple(form.lhs) == tuple(form.rhs), "sympy: lim ε⟨log d⟩ = lim ε²Var = 1")
    for j in EPSILON_EXPONENTS:
        eps = Fraction(1, 10**j)
        mean = ensemble.mean_energy(gamma=1 + eps, N=math.inf, dps=t.dps)
        with mpmath.workdps(t.dps):
            e = to_mpf(eps)
            t.require(abs(mean * e - 1) <= e, f"|ε⟨log d⟩ - 1| <= ε at ε=1e-{j} (it is ≈ γ_E ε)")
            t.require(abs(_susceptibility_value(epsilon=eps, dps=t.dps) - 1) <= e * e, f"|ε²Var - 1| <= ε² at ε=1e-{j}")


SUSCEPTIBILITY = declare(
    name="susceptibility_scaling", lean_module=None, no_lean_reason=NO_LEAN_ANALYSIS,
    statement="at γ = 1 + ε, N = ∞: ε·⟨log d⟩ → 1 and ε²·Var(log d) → 1 (the fluctuation diverges as 1/ε²)",
    point=dict(epsilon="1e-4", dps=DEFAULT_DPS),
    grid=f"ε = 10^-j for j ∈ {describe(EPSILON_EXPONENTS)}",
    form=_susceptibility_form, evaluate=_susceptibility_value, check=_susceptibility_check,
)

# -- n_active_count ------------------------------------------------------------------------------------

ROPE_GRID = ((500, 16), (10_000, 64), (10_000, 128), (1_000_000, 128), (500_000, 80))
FIXED_DISTANCES = (7, 50, 1000, 4096)


def _n_active_form():
    import sympy

    x = sympy.Symbol("x", real=True)
    d_h = sympy.Symbol("d_h", positive=True)
    continuous, exact = d_h / 2 - x, d_h / 2 - 1 - sympy.floor(x)
    return equation(sympy.Add(continuous, -exact, evaluate=False), 1 + sympy.floor(x) - x)


def _n_active_value(*, d, theta, d_head, dps):
    return rope.n_active(d=d, theta=theta, d_head=d_head, dps=dps).exact


def _n_active_check(t: Tally) -> None:
    require_sympy_equal(t, _n_active_form(), "continuous - exact = 1 + ⌊x⌋ - x ∈ (0, 1]")
    for theta, dh in ROPE_GRID:
        slowest = rope.slowest_wavelength(theta=theta, d_head=dh, dps=t.dps)
        two_pi = 2 * mpmath.pi
        for d in FIXED_DISTANCES + (int(slowest.exact) - 1, int(slowest.exact) + 1, int(slowest.bound) - 1):
            if not two_pi <= d < slowest.bound:
                continue
            a = rope.n_active(d=d, theta=theta, d_head=dh, dps=t.dps)
            with mpmath.workdps(t.dps + 10):
                x = (mpmath.mpf(dh) / 2) * mpmath.log(d / two_pi) / mpmath.log(theta)
            t.require(a.exact == max(0, dh // 2 - 1 - int(mpmath.floor(x))), f"count formula θ={theta}, d_h={dh}, d={d}")
            t.require(0 < a.overcount <= 1, f"continuous over-counts by (0,1] at θ={theta}, d_h={dh}, d={d}")
        past = rope.n_active(d=slowest.exact * (1 + mpmath.mpf(10) ** -8), theta=theta, d_head=dh, dps=t.dps)
        at_bound = rope.n_active(d=slowest.bound, theta=theta, d_head=dh, dps=t.dps)
        t.require(past.exact == 0 and past.continuous > 0, f"exact count 0 past λ_max while the formula is not (θ={theta})")
        t.require(abs(at_bound.continuous) < mpmath.mpf(10) ** (-(t.dps - 5)), f"the formula reaches 0 only at 2πθ (θ={theta})")


N_ACTIVE = declare(
    name="n_active_count", lean_module=None,
    no_lean_reason="needs real logarithms and the floor of a real (core Lean has neither); the wavelength "
                   "algebra is in AttnThermo.RopePade",
    statement="#{i : λ_i > d} = d_h/2 - 1 - ⌊(d_h/2) log_θ(d/2π)⌋ for 2π ≤ d < λ_max; the continuous "
              "(d_h/2)(1 - log_θ(d/2π)) over-counts by (0, 1] and reaches 0 at 2πθ, not at λ_max",
    point=dict(d=1000, theta=10_000, d_head=64, dps=DEFAULT_DPS),
    grid=f"(θ, d_h) ∈ {describe(ROPE_GRID)} × d ∈ {describe(FIXED_DISTANCES)} ∪ {{λ_max ± 1, 2πθ - 1}}",
    form=_n_active_form, evaluate=_n_active_value, check=_n_active_check,
)

# -- fractional_order_range ----------------------------------------------------------------------------

FRACTIONAL_GAMMAS = (Fraction(-1), Fraction(1, 2), Fraction(885, 1000), 1, Fraction(3, 2), 2, Fraction(29, 10), 3, 4)
BOOK_MEDIAN = Fraction(885, 1000)


def _fractional_form():
    import sympy

    gamma = sympy.Symbol("gamma", real=True)
    return equation(sympy.And(gamma - 1 > 0, gamma - 1 < 2).as_set(), sympy.Interval.open(1, 3))


def _fractional_value(*, gamma, dps):
    """The Lévy index α = γ - 1 (fractional order s = α/2); meaningful only for α ∈ (0, 2)."""
    with mpmath.workdps(dps):
        return to_mpf(as_real(gamma, "gamma")) - 1


def _fractional_check(t: Tally) -> None:
    import sympy

    form = _fractional_form()
    t.require(form.lhs == form.rhs, "sympy: {γ : 0 < γ-1 < 2} = (1, 3)")
    for gamma in FRACTIONAL_GAMMAS:
        alpha = gamma - 1
        t.require((0 < alpha < 2) == bool(form.lhs.contains(sympy.Rational(gamma))), f"γ={gamma}")
    t.require(not form.lhs.contains(sympy.Rational(BOOK_MEDIAN)), f"the book's median γ ≈ {float(BOOK_MEDIAN)} lies outside")


FRACTIONAL = declare(
    name="fractional_order_range", lean_module=None,
    no_lean_reason="a statement about real γ and the Lévy index range; the check is a real-interval identity",
    statement="α = γ - 1 ∈ (0, 2) ⇔ γ ∈ (1, 3); the book's γ < 1 reading has α < 0, outside its own range",
    point=dict(gamma="0.885", dps=DEFAULT_DPS),
    grid=f"γ ∈ {describe(FRACTIONAL_GAMMAS)}",
    form=_fractional_form, evaluate=_fractional_value, check=_fractional_check,
)
