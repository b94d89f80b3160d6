"""The identities of the registry: statement, claim ids, Lean theorems, sympy form, evaluator, check.

Each check's grid is written in its ``grid`` string; brute-force references come from
:mod:`attnthermo.thermo.reference`, exact ones from :mod:`attnthermo.thermo.finite`.
"""

from __future__ import annotations

import math
import random
import warnings
from fractions import Fraction

import mpmath

from attnthermo.errors import DomainError
from attnthermo.thermo import ensemble, finite, pade, rope, symbolic, tails
from attnthermo.thermo.asymptotics import gamma_one_heat_capacity
from attnthermo.thermo.checks import Tally
from attnthermo.thermo.params import as_dps, as_fugacity, as_real, to_mpf
from attnthermo.thermo.power_sums import power_sums
from attnthermo.thermo.reference import brute_force_moments

NO_LEAN_ANALYSIS = "core Lean has no real powers, logarithms or infinite sums"

# (γ, N, z) points where closed forms meet brute force: γ < 1, γ = 1, γ > 1, z = 1 and z < 1
ENSEMBLE_GRID = [(Fraction(-1, 2), 25, 1), (Fraction(1, 2), 40, 1), (1, 40, 1), (Fraction(5, 2), 30, 1),
                 (1, 30, Fraction(3, 5)), (Fraction(3, 2), 20, Fraction(9, 10))]
ENSEMBLE_GRID_TEXT = "(γ, N, z) ∈ {(-1/2,25,1), (1/2,40,1), (1,40,1), (5/2,30,1), (1,30,3/5), (3/2,20,9/10)}"


def _symbolic(tally: Tally, expr, label: str) -> None:
    tally.require(symbolic.simplifies_to_zero(expr), f"sympy simplifies {label} to 0")


def _ensemble_against_brute_force(tally: Tally, quantity: str, dps: int) -> None:
    for gamma, N, z in ENSEMBLE_GRID:
        reference = brute_force_moments(gamma, N, z, dps=dps)
        value = getattr(ensemble, quantity)(gamma=gamma, N=N, z=z, dps=dps)
        tally.compare(value, reference[quantity], f"{quantity}(γ={gamma}, N={N}, z={z})")


# -- energyVariance_eq_meanSqDeviation -------------------------------------------------------------

def _check_variance_forms(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.energy_variance_eq_mean_sq_deviation(3), "⟨E²⟩-⟨E⟩² - Σw(E-⟨E⟩)²/Z (3 states)")
    rng = random.Random(1)
    for _ in range(20):
        size = rng.randint(1, 6)
        E = [Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(size)]
        w = [Fraction(rng.randint(1, 9), rng.randint(1, 5)) for _ in range(size)]
        t.require(finite.energy_variance(E, w) == finite.mean_sq_deviation(E, w), f"exact rationals {E} {w}")
    _ensemble_against_brute_force(t, "energy_variance", dps)
    return t.outcome()


# -- logPartition_secondDerivative_eq_energyVariance ---------------------------------------------

def _log_partition_second_derivative(gamma, N, z, dps: int) -> mpmath.mpf:
    """∂²_γ log Z by a five-point central difference of log Z (the O(1) partition function) at
    step 10^-(dps/4+4) and 2·dps+40 working digits: independent of the moment formula."""
    g, zz = as_real(gamma, "gamma"), as_fugacity(z)
    wp = 2 * dps + 40
    with mpmath.workdps(wp):
        h = mpmath.mpf(10) ** -(dps // 4 + 4)
        center = to_mpf(g)
        f = [mpmath.log(power_sums(center + j * h, N, zz, wp=wp, k_max=0)[0]) for j in (-2, -1, 0, 1, 2)]
        value = (-f[0] + 16 * f[1] - 30 * f[2] + 16 * f[3] - f[4]) / (12 * h * h)
    with mpmath.workdps(dps):
        return +value


def _check_log_partition(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.log_partition_second_derivative(4), "∂²_γ log Σ_{d≤4} d^-γ - Var")
    for gamma, N, z in [(Fraction(1, 2), 40, 1), (Fraction(5, 2), 10**6, 1), (1, 10**3, 1), (Fraction(3, 2), 20, Fraction(1, 2))]:
        t.compare(_log_partition_second_derivative(gamma, N, z, dps),
                  ensemble.energy_variance(gamma=gamma, N=N, z=z, dps=dps), f"∂²log Z vs Var at γ={gamma}, N={N}, z={z}")
    return t.outcome()


# -- fugacity_truncatedPolylog ----------------------------------------------------------------------

def _fugacity_value(s=2, z=Fraction(1, 2), N=math.inf, dps: int = 30):
    """z∂_z of the (truncated) polylog of order s: exact Fraction for finite N, mpmath for N = ∞."""
    if N == math.inf:
        with mpmath.workdps(as_dps(dps) + 10):
            zz = to_mpf(as_real(z, "z"))
            value = zz * mpmath.diff(lambda x: mpmath.polylog(to_mpf(as_real(s, "s")), x), zz)
        with mpmath.workdps(dps):
            return +value
    return finite.fugacity_op(s, N, z)


def _check_fugacity(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.fugacity_polylog(), "z∂_z Li_s - Li_{s-1}")
    _symbolic(t, symbolic.fugacity_truncated_polylog(5), "z∂_z Σ_{d≤5} z^d d^-s - Σ z^d d^{1-s}")
    for s in range(1, 4):
        for N in range(0, 7):
            for z in (Fraction(1, 3), Fraction(-2, 5), Fraction(7, 4)):
                t.require(finite.fugacity_op(s, N, z) == finite.truncated_polylog(s - 1, N, z), f"exact s={s} N={N} z={z}")
    for s in (Fraction(5, 2), 2, Fraction(-1, 2)):
        for z in (Fraction(1, 2), Fraction(9, 10)):
            with mpmath.workdps(dps + 10):
                reference = mpmath.polylog(to_mpf(as_real(s, "s")) - 1, to_mpf(z))
            t.compare(_fugacity_value(s, z, math.inf, dps), reference, f"N=∞ s={s} z={z}")
    return t.outcome()


# -- fisherInformation_eq_heatCapacity_div_sq -------------------------------------------------------

def _heat_capacity_div_sq(gamma=2, N=1000, z=1, dps: int = 30):
    if as_real(gamma, "gamma") == 0:
        raise DomainError("gamma", gamma, "C_V/gamma^2 is undefined at gamma = 0 (use fisher_information)")
    with mpmath.workdps(dps + 5):
        value = ensemble.heat_capacity(gamma=gamma, N=N, z=z, dps=dps + 5) / to_mpf(as_real(gamma, "gamma")) ** 2
    with mpmath.workdps(dps):
        return +value


def _check_fisher(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.fisher_eq_heat_capacity_div_sq(3), "Σp·score² - C_V/γ² (3 states)")
    rng = random.Random(2)
    for _ in range(10):
        E = [Fraction(rng.randint(-9, 9), 4) for _ in range(4)]
        w = [Fraction(rng.randint(1, 9)) for _ in range(4)]
        g = Fraction(rng.choice([-3, -1, 1, 2, 5]), rng.randint(1, 3))
        t.require(finite.fisher_information(E, w) == finite.heat_capacity(E, w, g) / g**2, f"exact γ={g} {E} {w}")
    for gamma, N, z in ENSEMBLE_GRID:
        reference = brute_force_moments(gamma, N, z, dps=dps)["fisher_information"]  # E[score²], summed
        t.compare(_heat_capacity_div_sq(gamma, N, z, dps), reference, f"C_V/γ² vs E[score²] at γ={gamma}, N={N}, z={z}")
    return t.outcome()


# -- LogUniform ---------------------------------------------------------------------------------------

# math-notes §3: (N, exact C_V(γ=1), expansion through the constant term)
GAMMA_ONE_REFERENCE = [(10**3, "4.58002953758", "4.57495938615"), (10**5, "12.0899863586", "12.0871862619")]


def _check_uniform(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.uniform_variance(), "∫x²/L - (∫x/L)² - L²/12")
    for n in range(1, 8):
        t.require(finite.grid_variance(n, Fraction(1, n)) == Fraction(1, 12) - Fraction(1, 12 * n * n),
                  f"grid with h = 1/n, n = {n}: L²/12 - L²/(12n²)")
    for N, exact, expansion in GAMMA_ONE_REFERENCE:
        r = gamma_one_heat_capacity(N=N, dps=max(dps, 15))
        t.require(mpmath.nstr(r.exact, 12) == exact, f"C_V(γ=1, N={N}) = {exact} (math-notes §3)")
        t.require(mpmath.nstr(r.next_order, 12) == expansion, f"expansion at N={N} = {expansion} (math-notes §3)")
    previous = None
    for N in (10**3, 10**6, 10**9, 10**12):
        r = gamma_one_heat_capacity(N=N, dps=max(dps, 15))
        remainder = abs(r.exact - r.next_order)
        # the remainder after the constant term is c₁/L + O(1/L²): within twice |c₁/L| + |c₂/L²|
        bound = 2 * abs(r.expansion - r.next_order) + abs(r.next_term)
        t.require(remainder <= bound, f"N={N}: |exact - L²/12 - γ_E L/6 + …| = {mpmath.nstr(remainder, 3)} <= {mpmath.nstr(bound, 3)}")
        if previous is not None:
            t.require(remainder < previous, f"remainder shrinks with N (N={N})")
        previous = remainder
        t.note(f"N={N}: leading (log N)²/12 off by {mpmath.nstr(100 * r.leading_relative_error, 3)}%")
    return t.outcome()


def _uniform_value(L=1, dps: int = 30):
    """L²/12, the variance of the uniform distribution on [0, L]."""
    with mpmath.workdps(as_dps(dps)):
        return to_mpf(as_real(L, "L")) ** 2 / 12


def _check_quarter(dps: int):
    t = Tally(dps)
    t.require(symbolic.sympy.simplify(symbolic.uniform_variance_minus_quarter() + symbolic.L**2 / 6) == 0,
              "L²/12 - L²/4 = -L²/6")
    for N in (10**3, 10**6, 10**12):
        r = gamma_one_heat_capacity(N=N, dps=max(dps, 15))
        t.require(r.erratum > 2 * r.exact, f"N={N}: (log N)²/4 = {mpmath.nstr(r.erratum, 6)} vs exact {mpmath.nstr(r.exact, 6)}")
        with mpmath.workdps(dps + 5):
            t.compare(r.erratum, 3 * r.leading, f"(log N)²/4 = 3·(log N)²/12 at N={N}")
    return t.outcome()


def _quarter_value(L=1, dps: int = 30):
    """L²/4 - L²/12 = L²/6: how far the erratum is from the variance."""
    with mpmath.workdps(as_dps(dps)):
        return to_mpf(as_real(L, "L")) ** 2 / 6


def _check_grid(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.grid_variance(), "Var(0, h, …, (n-1)h) - h²(n²-1)/12")
    for n in range(1, 15):
        for h in (Fraction(1), Fraction(1, 2), Fraction(-7, 3)):
            t.require(finite.grid_variance(n, h) == h**2 * (n * n - 1) / 12, f"n={n}, h={h}")
            t.require(finite.grid_mean(n, h) == h * (n - 1) / 2, f"mean n={n}, h={h}")
    return t.outcome()


# -- RopePade -------------------------------------------------------------------------------------------

ROPE_GRID = [(500, 16), (10_000, 64), (10_000, 128), (1_000_000, 128), (500_000, 80)]


def _check_slowest(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.slowest_wavelength_ratio(), "c q^(m-1) / (c q^m) - 1/q")
    for theta, dh in ROPE_GRID:
        s = rope.slowest_wavelength(theta=theta, d_head=dh, dps=dps)
        t.require(s.exact < s.bound, f"θ={theta}, d_h={dh}: λ_max < 2πθ")
        with mpmath.workdps(dps + 5):
            t.compare(s.ratio, mpmath.mpf(theta) ** (mpmath.mpf(-2) / dh), f"ratio θ^(-2/d_h) at θ={theta}, d_h={dh}")
        ws = rope.wavelengths(theta=theta, d_head=dh, dps=dps)
        t.require(all(a < b for a, b in zip(ws, ws[1:])), f"wavelengths increase (θ={theta}, d_h={dh})")
    for c, q, m in ((6, 2, 3), (Fraction(1, 2), Fraction(3, 2), 1), (7, 10, 5)):
        t.require(rope.wavelength(c, q, m - 1) < c * Fraction(q) ** m, f"exact c={c}, q={q}, m={m}")
    return t.outcome()


def _check_middle(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.middle_wavelength_sq(), "(q^k)² - q^(2k)")
    for theta, dh in ROPE_GRID:
        if dh % 4 == 0:
            t.compare(rope.rope_wavelength(theta=theta, d_head=dh, i=dh // 4, dps=dps),
                      rope.t_cross(theta=theta, dps=dps), f"λ_(d_h/4) = 2π√θ at θ={theta}, d_h={dh}")
    for q, k in ((2, 3), (Fraction(3, 2), 4)):
        t.require(rope.wavelength(1, q, k) ** 2 == Fraction(q) ** (2 * k), f"exact q={q}, k={k}")
    return t.outcome()


def _check_pade_taylor(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.pade_exp_sub_taylor(), "(2-x)/(2+x) - (1-x+x²/2) + x³/(2(2+x))")
    for x in (Fraction(j, 7) for j in range(-30, 31) if j != -14):
        t.require(pade.pade_exp(x) - (1 - x + x**2 / 2) == -x**3 / (2 * (2 + x)), f"exact x={x}")
    return t.outcome()


def _check_horizon(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.horizon_pade_gamma(), "horizon(θ, γ_Padé(θ,T,s), s) - T s²/2")
    s = Fraction(3, 2)
    for theta, T in ((10_000, 4096), (500_000, 8192), (Fraction(7, 3), Fraction(1, 5))):
        t.require(pade.horizon(theta, pade.pade_gamma(theta, T, s), s) == Fraction(T) * s**2 / 2, f"exact θ={theta}, T={T}, s=3/2")
        t.compare(_horizon_value(theta, T, dps), Fraction(T), f"√2: horizon at γ_Padé returns T={T}")
    return t.outcome()


def _horizon_value(theta=10_000, T=4096, dps: int = 30):
    """d_horizon at γ = γ_Padé(θ, T) with s = √2: equals T (the circularity)."""
    with mpmath.workdps(as_dps(dps) + 10):
        value = pade.horizon(theta, pade.pade_gamma(theta, T), mpmath.sqrt(2))
    with mpmath.workdps(dps):
        return +value


def _check_pade_negative(dps: int):
    t = Tally(dps)
    for theta, T in ((10_000, 20_000), (10_000, 14_143), (500, 10**6)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = pade.pade_gamma(theta, T)
        t.require(value < 0, f"γ_Padé(θ={theta}, T={T}) < 0 once T > √2θ")
        t.require(any(issubclass(w.category, pade.OutsideMeaningfulRange) for w in caught), f"warned at θ={theta}, T={T}")
    for theta, T in ((10_000, 14_142), (10_000, 4096)):
        with warnings.catch_warnings():
            warnings.simplefilter("error", pade.OutsideMeaningfulRange)
            t.require(pade.pade_gamma(theta, T) > 0, f"γ_Padé(θ={theta}, T={T}) > 0 below √2θ, no warning")
    return t.outcome()


def _pade_gamma_value(theta=10_000, T=4096, dps: int = 30):
    with mpmath.workdps(as_dps(dps) + 10):
        value = pade.pade_gamma(theta, T)
    with mpmath.workdps(dps):
        return +value


# -- identities without a Lean theorem ----------------------------------------------------------

def _check_partition_polylog(dps: int):
    t = Tally(dps)
    for gamma, z in ((Fraction(3, 2), 1), (3, 1), (Fraction(1, 2), Fraction(1, 2)), (1, Fraction(9, 10)), (-2, Fraction(1, 3))):
        with mpmath.workdps(dps + 10):
            reference = mpmath.zeta(to_mpf(as_real(gamma, "gamma"))) if z == 1 else mpmath.polylog(to_mpf(as_real(gamma, "gamma")), to_mpf(z))
        t.compare(ensemble.partition(gamma=gamma, N=math.inf, z=z, dps=dps), reference, f"Z_∞(γ={gamma}, z={z}) = Li_γ(z)")
    _ensemble_against_brute_force(t, "partition", dps)
    for N in (10, 10**3, 10**6):  # Z_N → ζ(2) with the tail between its integral bounds
        gap = ensemble.partition(gamma=2, N=math.inf, dps=dps) - ensemble.partition(gamma=2, N=N, dps=dps)
        bounds = tails.tail(gamma=2, D=N, dps=dps)
        t.require(bounds.lower <= gap <= bounds.upper, f"ζ(2) - Z_N within the tail bounds at N={N}")
    return t.outcome()


def _check_tails(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.tail_integral(), "∫_D^∞ x^-γ - D^(1-γ)/(γ-1)")
    for gamma in (Fraction(-3, 2), 0, Fraction(1, 2), 1, Fraction(3, 2), 3):
        errors = []
        for D in (10, 1000, 10**6):
            p = tails.partial_sum(gamma=gamma, D=D, dps=dps)
            t.require(p.lower <= p.exact <= p.upper, f"partial sum bounds γ={gamma}, D={D}")
            errors.append(abs(p.asymptotic - p.exact) / (abs(p.exact) if gamma <= 1 else 1))
            if D <= 1000:
                with mpmath.workdps(dps + 10):
                    brute = mpmath.fsum(mpmath.mpf(d) ** -to_mpf(as_real(gamma, "gamma")) for d in range(1, D + 1))
                t.compare(p.exact, brute, f"partial sum γ={gamma}, D={D} vs brute force")
            if gamma > 1:
                q = tails.tail(gamma=gamma, D=D, dps=dps)
                t.require(q.lower <= q.exact <= q.upper, f"tail bounds γ={gamma}, D={D}")
        t.require(errors[-1] < errors[0] or errors[0] == errors[-1] == 0, f"asymptotic form improves with D at γ={gamma}")
    return t.outcome()


def _partial_sum_value(gamma=1, D=1000, dps: int = 30):
    return tails.partial_sum(gamma=gamma, D=D, dps=dps).exact


def _check_maxent(dps: int):
    t = Tally(dps)
    _symbolic(t, symbolic.maxent_stationarity(), "stationary point of H - γ⟨E⟩ - λΣp is ∝ e^{-γE}")
    rng = random.Random(3)
    for gamma, N, z in ((Fraction(1, 2), 12, 1), (2, 12, 1), (1, 12, Fraction(1, 2))):
        log_z = _log_partition(gamma, N, z, dps)
        with mpmath.workdps(dps + 10):
            g, zz = to_mpf(as_real(gamma, "gamma")), to_mpf(as_real(z, "z"))
            gibbs = [zz**d * mpmath.mpf(d) ** -g for d in range(1, N + 1)]
            Z = mpmath.fsum(gibbs)
            gibbs = [w / Z for w in gibbs]

            def objective(p):
                return mpmath.fsum(-pi * mpmath.log(pi) - g * pi * mpmath.log(d) + pi * d * mpmath.log(zz)
                                   for d, pi in enumerate(p, start=1) if pi > 0)

            t.compare(objective(gibbs), log_z, f"H - γ⟨E⟩ + ⟨d⟩log z = log Z at the Gibbs state (γ={gamma}, z={z})",
                      scale=1)
            for trial in range(5):
                noise = [mpmath.mpf(rng.uniform(0.5, 1.5)) for _ in range(N)]
                q = [pi * e for pi, e in zip(gibbs, noise)]
                total = mpmath.fsum(q)
                q = [qi / total for qi in q]
                kl = mpmath.fsum(qi * mpmath.log(qi / pi) for qi, pi in zip(q, gibbs))
                t.require(objective(q) < log_z, f"any other distribution scores below log Z (trial {trial})")
                t.compare(log_z - objective(q), kl, f"the gap is KL(q‖p) (trial {trial})", scale=1)
    return t.outcome()


def _log_partition(gamma=2, N=1000, z=1, dps: int = 30):
    """log Z = max_p [H(p) - γ⟨E⟩_p + ⟨d⟩_p log z]."""
    value = ensemble.partition(gamma=gamma, N=N, z=z, dps=dps + 5)
    with mpmath.workdps(dps + 5):
        result = mpmath.log(value)
    with mpmath.workdps(dps):
        return +result


def _count_states(E0=5, dps: int = 30):
    """#{d ≥ 1 : log d ≤ E0} = ⌊e^{E0}⌋ (for E0 ≥ 0): the density of states grows like e^E."""
    with mpmath.workdps(as_dps(dps) + 10):
        energy = to_mpf(as_real(E0, "E0"))
        if energy < 0:
            raise DomainError("E0", E0, "no state has negative energy log d (d >= 1)")
        return int(mpmath.floor(mpmath.exp(energy)))


def _check_hagedorn(dps: int):
    t = Tally(dps)
    integral = symbolic.hagedorn_integral()
    t.require(symbolic.sympy.simplify(integral.args[0][0] - 1 / (symbolic.gamma - 1)) == 0,
              "∫_0^∞ e^E e^{-γE} dE = 1/(γ-1) on its convergent branch")
    for E0 in (Fraction(1, 2), 1, 3, Fraction(23, 4), 9):
        count = _count_states(E0, dps)
        with mpmath.workdps(dps + 10):
            brute = sum(1 for d in range(1, 10**4 + 1) if mpmath.log(d) <= to_mpf(as_real(E0, "E0")))
        t.require(count == brute, f"#{{d: log d <= {E0}}} = ⌊e^{E0}⌋ = {count}")
    for gamma in (Fraction(1, 2), 1):  # γ ≤ 1: partial sums pass any bound (integral-test lower bound grows)
        lows = [tails.partial_sum(gamma=gamma, D=D, dps=15).lower for D in (10**3, 10**6, 10**12)]
        t.require(lows[0] < lows[1] < lows[2] and lows[2] > 2 * lows[0], f"γ={gamma}: Σ_{{d≤D}} d^-γ grows without bound")
    for gamma in (Fraction(11, 10), 2):
        bound = ensemble.partition(gamma=gamma, N=math.inf, dps=15)
        t.require(all(ensemble.partition(gamma=gamma, N=D, dps=15) < bound for D in (10**3, 10**12)),
                  f"γ={gamma}: Z_N stays below ζ(γ)")
    return t.outcome()


def _susceptibility_value(epsilon="1e-4", dps: int = 30):
    """ε²·Var(log d) at γ = 1 + ε, N = ∞ (→ 1 as ε → 0⁺)."""
    eps = as_real(epsilon, "epsilon")
    if eps <= 0:
        raise DomainError("epsilon", epsilon, "must be positive (gamma = 1 + epsilon > 1)")
    variance = ensemble.energy_variance(gamma=1 + eps, N=math.inf, dps=dps + 5)
    with mpmath.workdps(dps + 5):
        value = to_mpf(eps) ** 2 * variance
    with mpmath.workdps(dps):
        return +value


def _check_susceptibility(dps: int):
    t = Tally(dps)
    t.require(symbolic.susceptibility_limits() == (1, 1), "sympy: lim ε⟨log d⟩ = lim ε²Var = 1")
    for j in (2, 4, 6, 8):
        eps = Fraction(1, 10**j)
        mean = ensemble.mean_energy(gamma=1 + eps, N=math.inf, dps=dps)
        with mpmath.workdps(dps):
            e = to_mpf(eps)
            t.require(abs(mean * e - 1) <= e, f"|ε⟨log d⟩ - 1| <= ε at ε=1e-{j} (it is ≈ γ_E ε)")
            t.require(abs(_susceptibility_value(eps, dps) - 1) <= e * e, f"|ε²Var - 1| <= ε² at ε=1e-{j}")
    return t.outcome()


def _n_active_value(d=1000, theta=10_000, d_head=64, dps: int = 30):
    return rope.n_active(d=d, theta=theta, d_head=d_head, dps=dps).exact


def _check_n_active(dps: int):
    t = Tally(dps)
    for theta, dh in ROPE_GRID:
        slowest = rope.slowest_wavelength(theta=theta, d_head=dh, dps=dps)
        two_pi = 2 * mpmath.pi
        for d in (7, 50, 1000, 4096, int(slowest.exact) - 1, int(slowest.exact) + 1, int(slowest.bound) - 1):
            if not two_pi <= d < slowest.bound:
                continue
            a = rope.n_active(d=d, theta=theta, d_head=dh, dps=dps)
            with mpmath.workdps(dps + 10):
                x = (mpmath.mpf(dh) / 2) * mpmath.log(d / two_pi) / mpmath.log(theta)
            t.require(a.exact == max(0, dh // 2 - 1 - int(mpmath.floor(x))), f"count formula θ={theta}, d_h={dh}, d={d}")
            t.require(0 < a.overcount <= 1, f"continuous over-counts by (0,1] at θ={theta}, d_h={dh}, d={d}")
        past = rope.n_active(d=slowest.exact * (1 + mpmath.mpf(10) ** -8), theta=theta, d_head=dh, dps=dps)
        at_bound = rope.n_active(d=slowest.bound, theta=theta, d_head=dh, dps=dps)
        t.require(past.exact == 0 and past.continuous > 0, f"exact count 0 past λ_max while the formula is not (θ={theta})")
        t.require(abs(at_bound.continuous) < mpmath.mpf(10) ** (-(dps - 5)), f"the formula reaches 0 only at 2πθ (θ={theta})")
    return t.outcome()


def _fractional_value(gamma="0.885", dps: int = 30):
    """The Lévy index α = γ - 1 (fractional order s = α/2); meaningful only for α ∈ (0, 2)."""
    with mpmath.workdps(as_dps(dps)):
        return to_mpf(as_real(gamma, "gamma")) - 1


def _check_fractional(dps: int):
    t = Tally(dps)
    interval = symbolic.fractional_order_range()
    t.require(interval == symbolic.sympy.Interval.open(1, 3), "sympy: {γ : 0 < γ-1 < 2} = (1, 3)")
    for gamma in (Fraction(-1), Fraction(1, 2), Fraction(885, 1000), 1, Fraction(3, 2), 2, Fraction(29, 10), 3, 4):
        alpha = gamma - 1
        t.require((0 < alpha < 2) == bool(interval.contains(symbolic.sympy.Rational(gamma))), f"γ={gamma}")
    t.require(not interval.contains(symbolic.sympy.Rational(885, 1000)), "the book's median γ ≈ 0.885 (γ < 1 reading) lies outside")
    return t.outcome()


SPECS = [
    dict(name="energyVariance_eq_meanSqDeviation", module="Ensemble",
         lean=["energyVariance_eq_meanSqDeviation", "energyVariance_mul_sq_partition"],
         claims=["fisher-equals-cv-over-gamma-sq", "partition-generates-moments"],
         statement="⟨E²⟩ - ⟨E⟩² = Σ_d w_d (E_d - ⟨E⟩)² / Z  (Z ≠ 0); and Var·Z² = Z·S₂ - S₁²",
         sympy=lambda: symbolic.energy_variance_eq_mean_sq_deviation(3),
         evaluate=lambda gamma, N, z, dps: ensemble.energy_variance(gamma=gamma, N=N, z=z, dps=dps),
         parameters=dict(gamma=1, N=1000, z=1, dps=30), check=_check_variance_forms,
         grid="sympy on 3 symbolic states; 20 random rational ensembles (exact); " + ENSEMBLE_GRID_TEXT + " vs brute force"),
    dict(name="logPartition_secondDerivative_eq_energyVariance", module="Fisher",
         lean=["logPartition_secondDerivative_eq_energyVariance", "derivation_partitionFunction",
               "derivation_sq_partitionFunction", "partition_mul_derivation_sq_sub_sq"],
         claims=["partition-generates-moments"],
         statement="∂²_γ log Z = (Z·D²Z - (DZ)²)/Z² = ⟨E²⟩ - ⟨E⟩², with D Z = -S₁, D²Z = S₂",
         sympy=lambda: symbolic.log_partition_second_derivative(4),
         evaluate=lambda gamma, N, z, dps: _log_partition_second_derivative(gamma, N, z, dps),
         parameters=dict(gamma=2, N=1000, z=1, dps=30), check=_check_log_partition,
         grid="sympy at N=4; five-point difference of log Z vs the moment formula at (1/2,40,1), (5/2,10⁶,1), (1,10³,1), (3/2,20,1/2)"),
    dict(name="fugacity_truncatedPolylog", module="Fisher", lean=["fugacity_truncatedPolylog"],
         claims=["partition-generates-moments"],
         statement="z∂_z Σ_{d≤N} z^d d^-s = Σ_{d≤N} z^d d^-(s-1), and z∂_z Li_s(z) = Li_{s-1}(z) at N = ∞",
         sympy=symbolic.fugacity_polylog, evaluate=_fugacity_value,
         parameters=dict(s=2, z=Fraction(1, 2), N=math.inf, dps=30), check=_check_fugacity,
         grid="sympy (N=∞ and N=5); exact for s=1..3, N=0..6, z∈{1/3,-2/5,7/4}; N=∞ s∈{5/2,2,-1/2}, z∈{1/2,9/10}"),
    dict(name="fisherInformation_eq_heatCapacity_div_sq", module="Fisher",
         lean=["fisherInformation_eq_heatCapacity_div_sq", "fisherInformation_eq_energyVariance",
               "fisherInformation_eq_logPartition_secondDerivative"],
         claims=["fisher-equals-cv-over-gamma-sq", "fisher-describes-transformer-math"],
         statement="I(γ) = E[(∂_γ log p)²] = Var(E) = C_V/γ²  (γ ≠ 0)",
         sympy=lambda: symbolic.fisher_eq_heat_capacity_div_sq(3), evaluate=_heat_capacity_div_sq,
         parameters=dict(gamma=2, N=1000, z=1, dps=30), check=_check_fisher,
         grid="sympy on 3 states; 10 random rational ensembles; " + ENSEMBLE_GRID_TEXT + " C_V/γ² vs brute-force E[score²]"),
    dict(name="uniformVariance_eq_sq_div_twelve", module="LogUniform",
         lean=["uniformVariance_eq_sq_div_twelve", "gridVariance_eq_continuum_sub"],
         claims=["cv-gamma1-twelfth"],
         statement="x uniform on [0, L]: Var = L²/3 - L²/4 = L²/12; at finite N, C_V(γ=1) = L²/12 + (γ_E/6)L "
                   "- (5γ_E²/12 + γ_1) + c₁/L + O(1/L²), L = log N",
         sympy=symbolic.uniform_variance, evaluate=_uniform_value, parameters=dict(L=1, dps=30),
         check=_check_uniform,
         grid="sympy; grids h=1/n, n=1..7; math-notes §3 values at N=10³, 10⁵; remainder at N=10³,10⁶,10⁹,10¹²"),
    dict(name="uniformVariance_ne_sq_div_four", module="LogUniform",
         lean=["uniformVariance_ne_sq_div_four", "erratum_eq_sq_mean"],
         claims=["cv-gamma1-quarter"],
         statement="L²/12 ≠ L²/4 for L ≠ 0; (L/2)² = L²/4 is ⟨x⟩², not the variance (the erratum)",
         sympy=symbolic.uniform_variance_minus_quarter, evaluate=_quarter_value, parameters=dict(L=1, dps=30),
         check=_check_quarter, grid="sympy; exact C_V(γ=1) vs (log N)²/4 at N=10³, 10⁶, 10¹²"),
    dict(name="gridVariance_eq", module="LogUniform",
         lean=["gridVariance_eq", "gridMean_eq", "gridVariance_eq_continuum_sub"],
         claims=["cv-gamma1-twelfth"],
         statement="n equally spaced points 0, h, …, (n-1)h: mean h(n-1)/2, variance h²(n²-1)/12",
         sympy=symbolic.grid_variance, evaluate=lambda n, h: finite.grid_variance(n, h),
         parameters=dict(n=5, h=Fraction(1, 2)), check=_check_grid, grid="sympy (symbolic n); exact n=1..14, h∈{1,1/2,-7/3}"),
    dict(name="slowestWavelength_lt", module="RopePade", lean=["slowestWavelength_lt", "wavelength_strictMono"],
         claims=["rope-tmax", "rope-tmax-upper-bound", "rope-wavelengths-increase"],
         statement="λ_max = 2π θ^{1-2/d_h} < 2πθ: T_max = 2πθ is an upper bound, not the slowest wavelength",
         sympy=symbolic.slowest_wavelength_ratio,
         evaluate=lambda theta, d_head, dps: rope.slowest_wavelength(theta=theta, d_head=d_head, dps=dps).exact,
         parameters=dict(theta=10_000, d_head=64, dps=30), check=_check_slowest,
         grid="(θ, d_h) ∈ {(500,16), (10⁴,64), (10⁴,128), (10⁶,128), (5·10⁵,80)}; exact c q^(m-1) < c q^m"),
    dict(name="middleWavelength_sq", module="RopePade", lean=["middleWavelength_sq"], claims=["rope-t-cross"],
         statement="the middle pair i = d_h/4 has wavelength 2π√θ = T_cross ((q^k)² = θ when θ = q^(2k))",
         sympy=symbolic.middle_wavelength_sq, evaluate=lambda theta, dps: rope.t_cross(theta=theta, dps=dps),
         parameters=dict(theta=10_000, dps=30), check=_check_middle, grid="the RoPE grid with 4 | d_h; exact q^k"),
    dict(name="padeExp_sub_taylor", module="RopePade", lean=["padeExp_sub_taylor"], claims=["pade-form"],
         statement="(2-x)/(2+x) - (1 - x + x²/2) = -x³/(2(2+x))  (x ≠ -2)",
         sympy=symbolic.pade_exp_sub_taylor, evaluate=lambda x: pade.pade_exp(x), parameters=dict(x=Fraction(1, 2)),
         check=_check_pade_taylor, grid="sympy; exact x = j/7, j = -30..30, j ≠ -14"),
    dict(name="horizon_padeGamma", module="RopePade", lean=["horizon_padeGamma", "horizon_padeGamma_eq"],
         claims=["horizon-formula"],
         statement="horizon(θ, γ_Padé(θ, T, s), s) = T·s²/2, so with s = √2 it returns T (circular)",
         sympy=symbolic.horizon_pade_gamma, evaluate=_horizon_value, parameters=dict(theta=10_000, T=4096, dps=30),
         check=_check_horizon, grid="sympy; exact at s=3/2 and mpmath √2 for (θ,T) ∈ {(10⁴,4096), (5·10⁵,8192), (7/3,1/5)}"),
    dict(name="padeGamma_neg_of_lt", module="RopePade", lean=["padeGamma_neg_of_lt"], claims=["pade-form"],
         statement="θ > 0 and T·√2 > 2θ ⇒ γ_Padé < 0: the formula leaves its meaningful range",
         sympy=symbolic.pade_gamma_negative, evaluate=_pade_gamma_value, parameters=dict(theta=10_000, T=4096, dps=30),
         check=_check_pade_negative, grid="(θ, T) ∈ {(10⁴, 2·10⁴), (10⁴, 14143), (500, 10⁶)} negative + warning; (10⁴, 14142), (10⁴, 4096) positive"),
    dict(name="partition_eq_polylog", module=None, lean=[], no_lean_reason=NO_LEAN_ANALYSIS,
         claims=["partition-polylog"],
         statement="Z_N(γ, z) = Σ_{d≤N} z^d d^-γ → Li_γ(z) as N → ∞ (ζ(γ) at z = 1, γ > 1)",
         sympy=symbolic.partition_polylog,
         evaluate=lambda gamma, N, z, dps: ensemble.partition(gamma=gamma, N=N, z=z, dps=dps),
         parameters=dict(gamma=2, N=math.inf, z=1, dps=30), check=_check_partition_polylog,
         grid="N=∞ vs mpmath zeta/polylog at 5 (γ,z); " + ENSEMBLE_GRID_TEXT + " vs brute force; ζ(2)-Z_N within tail bounds, N=10,10³,10⁶"),
    dict(name="tail_bounds", module=None, lean=[], no_lean_reason=NO_LEAN_ANALYSIS,
         claims=["tail-boundary", "finite-n-log-growth"],
         statement="∫_{D+1}^∞ x^-γ ≤ Σ_{d>D} d^-γ ≤ ∫_D^∞ x^-γ (γ > 1); partial sums between their integral bounds; "
                   "growth D^{1-γ}/(1-γ) (γ < 1), log D + γ_E (γ = 1)",
         sympy=symbolic.tail_integral, evaluate=_partial_sum_value, parameters=dict(gamma=1, D=1000, dps=30),
         check=_check_tails, grid="γ ∈ {-3/2, 0, 1/2, 1, 3/2, 3}, D ∈ {10, 10³, 10⁶}; brute force at D ≤ 10³"),
    dict(name="maxent_power_law", module=None, lean=[], no_lean_reason=NO_LEAN_ANALYSIS,
         claims=["maxent-power-law"],
         statement="log Z = max_p [H(p) - γ⟨log d⟩_p + ⟨d⟩_p log z], attained only at p_d ∝ z^d d^-γ (gap = KL)",
         sympy=symbolic.maxent_stationarity, evaluate=_log_partition, parameters=dict(gamma=2, N=1000, z=1, dps=30),
         check=_check_maxent, grid="(γ, N, z) ∈ {(1/2,12,1), (2,12,1), (1,12,1/2)}, 5 random perturbations each"),
    dict(name="hagedorn_density_of_states", module=None, lean=[], no_lean_reason=NO_LEAN_ANALYSIS,
         claims=["hagedorn-boundary-math"],
         statement="#{d : log d ≤ E₀} = ⌊e^{E₀}⌋ (density of states ~ e^E), so Σ e^{-γE} converges iff γ > 1",
         sympy=symbolic.hagedorn_integral, evaluate=_count_states, parameters=dict(E0=5, dps=30),
         check=_check_hagedorn, grid="E₀ ∈ {1/2, 1, 3, 23/4, 9}; γ ∈ {1/2, 1} diverging, {11/10, 2} bounded (N up to 10¹²)"),
    dict(name="susceptibility_scaling", module=None, lean=[], no_lean_reason=NO_LEAN_ANALYSIS,
         claims=["susceptibility-divergence-math"],
         statement="at γ = 1 + ε, N = ∞: ε·⟨log d⟩ → 1 and ε²·Var(log d) → 1 (the fluctuation diverges as 1/ε²)",
         sympy=symbolic.susceptibility_limits, evaluate=_susceptibility_value, parameters=dict(epsilon="1e-4", dps=30),
         check=_check_susceptibility, grid="ε = 10^-2, 10^-4, 10^-6, 10^-8"),
    dict(name="n_active_count", module=None, lean=[], no_lean_reason="needs real logarithms and floor of a real "
         "(core Lean has neither); the wavelength algebra is in RopePade",
         claims=["rope-n-active"],
         statement="#{i : λ_i > d} = d_h/2 - 1 - ⌊(d_h/2) log_θ(d/2π)⌋ for 2π ≤ d < λ_max; the continuous "
                   "(d_h/2)(1 - log_θ(d/2π)) over-counts by (0, 1] and reaches 0 at 2πθ, not at λ_max",
         sympy=symbolic.n_active_overcount, evaluate=_n_active_value,
         parameters=dict(d=1000, theta=10_000, d_head=64, dps=30), check=_check_n_active,
         grid="the RoPE grid × d ∈ {7, 50, 10³, 4096, λ_max ± 1, 2πθ - 1}"),
    dict(name="fractional_order_range", module=None, lean=[], no_lean_reason="a statement about real γ and the "
         "Lévy index range; the check is a real-interval identity",
         claims=["fractional-order", "fractional-order-math"],
         statement="α = γ - 1 ∈ (0, 2) ⇔ γ ∈ (1, 3); the book's γ < 1 reading has α < 0, outside its own range",
         sympy=symbolic.fractional_order_range, evaluate=_fractional_value, parameters=dict(gamma="0.885", dps=30),
         check=_check_fractional, grid="γ ∈ {-1, 1/2, 0.885, 1, 3/2, 2, 29/10, 3, 4}"),
]
