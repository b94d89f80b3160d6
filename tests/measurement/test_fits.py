"""The fits recover known exponents and tell a power law from an exponential."""

from __future__ import annotations

import numpy as np
import pytest

from attnthermo.errors import DomainError
from attnthermo.measurement.fits import bootstrap_means, check_window, compare_decay_models, fit_power_law


def test_power_law_recovered_and_preferred():
    d = np.arange(1, 300)
    A = 0.2 * d**-0.9 * np.exp(np.random.default_rng(0).normal(0, 0.02, d.size))
    assert fit_power_law(d, A, (4, 200)).gamma == pytest.approx(0.9, abs=0.02)
    assert compare_decay_models(d, A, (4, 200))["preferred"] == "power_law"


def test_exponential_data_prefer_exponential_despite_high_loglog_r2():
    d = np.arange(1, 300)
    A = np.exp(-d / 150.0)
    cmp = compare_decay_models(d, A, (4, 60))
    assert cmp["power_law"]["r2"] > 0.8  # looks fine on log–log axes ...
    assert cmp["preferred"] == "exponential"  # ... but the exponential fits better


@pytest.mark.parametrize("window,match", [((0, 10), "≥ 1"), ((4, 64), "N/2"), ((5, 6), "3 distances"),
                                          ((2.5, 9), "integers")])
def test_bad_windows(window, match):
    with pytest.raises(DomainError, match=match):
        check_window(window, tokens=128)


def test_measurement_uses_the_lean_mirror_of_pade_gamma():
    from attnthermo.measurement.assemble import pade_row
    from attnthermo.thermo.pade import pade_gamma

    facts = {"rope_theta": {"full_attention": 1e4}, "context_length": 2048}
    row = pade_row(facts, tokens=256)
    assert row.gamma_trained_context == pytest.approx(float(pade_gamma(1e4, 2048)))
    # T√2 > 2θ: negative, not a decay exponent, so not reported
    assert pade_row({"rope_theta": {"full_attention": 100.0}, "context_length": 2048}, 256).gamma_trained_context is None


def test_bootstrap_means_are_the_resampled_prompt_means():
    """Each resample draws k prompts with replacement (k draws of the seeded stream per resample)
    and averages them: the vectorised counts give exactly the per-resample means."""
    per_prompt = np.random.default_rng(5).random((7, 3, 11))
    rng = np.random.default_rng(9)
    expected = np.stack([per_prompt[rng.integers(0, 7, 7)].mean(axis=0) for _ in range(200)])
    np.testing.assert_allclose(bootstrap_means(per_prompt, 200, 9), expected, rtol=1e-13, atol=0)
