"""Every protocol declares the metrics it reports: a claims file naming another is refused when it is
loaded, before anything is measured, and the extraction reports exactly the declared names."""

from __future__ import annotations

import pytest

from attnthermo.errors import DomainError
from attnthermo.ledger import protocols
from attnthermo.ledger.claims import load_claims
from attnthermo.measurement.result import read_result

MEASURED = '''schema_version = 1
[window_family]
default = ["[4, N/4]"]
why = "w"
[[claim]]
id = "decays"
chapter = 1
kind = "empirical"
statement = "s"
book_bucket = "asserted"
mechanism = "none"
mechanism_note = "n"
[[claim.receipt]]
kind = "measurement"
relation = "supports"
protocol = "PROTOCOL"
model = "default"
[[claim.receipt.test]]
check = "relative_error_at_most"
metric = "METRIC"
reference = "REFERENCE"
tolerance = 0.1
why = "w"
'''


def _claims(tmp_path, protocol="decay-fit", metric="gamma", reference="gamma_pade"):
    path = tmp_path / "claims.toml"
    path.write_text(MEASURED.replace("PROTOCOL", protocol).replace("METRIC", metric)
                    .replace("REFERENCE", reference), encoding="utf-8")
    return path


def test_declared_metrics_load(tmp_path):
    assert load_claims(_claims(tmp_path), lean={}, identities=[])["decays"].receipts[0].tests[0].metric == "gamma"
    assert load_claims(_claims(tmp_path, "theta-rescaling", "scale_gamma", "scale_gamma_pade"), lean={}, identities=[])


@pytest.mark.parametrize("protocol, metric, reference, field, name", [
    ("decay-fit", "gama", "gamma_pade", "metric", "gama"),
    ("decay-fit", "gamma", "gamma_padé", "reference", "gamma_padé"),
    ("decay-fit", "scale_gamma", "gamma_pade", "metric", "scale_gamma"),  # only the θ-scan reports it
    ("atlas", "delta_max_abs_error", "median_gamma", "metric", "delta_max_abs_error"),
])
def test_an_unknown_metric_is_refused_naming_claim_and_metric(tmp_path, protocol, metric, reference, field, name):
    with pytest.raises(DomainError) as err:
        load_claims(_claims(tmp_path, protocol, metric, reference), lean={}, identities=[])
    assert err.value.parameter == f"claim 'decays'.receipt[0].test[0].{field}" and err.value.value == name
    message = str(err.value)
    assert "\n" not in message and f"protocol {protocol!r} reports no such metric" in message


def test_a_protocol_attnthermo_lacks_is_not_second_guessed(tmp_path):
    """Its receipt is reported unavailable (with the reason) by the audit, whatever it names."""
    assert load_claims(_claims(tmp_path, "passkey-vs-yarn", "score_margin", "baseline_margin"), lean={}, identities=[])


def test_the_audit_refuses_the_file_before_measuring(tmp_path, monkeypatch):
    from attnthermo.ledger import audit, evidence

    def never(*_args, **_kwargs):
        raise AssertionError("measured with a claims file that should have been refused")

    monkeypatch.setattr(evidence, "measure_protocol", never)
    monkeypatch.setattr(evidence, "run_lean_check", never)
    out = tmp_path / "out"
    with pytest.raises(DomainError, match="gama"):
        audit.run_audit(out_dir=out, claims=_claims(tmp_path, metric="gama"), progress=False, remember=False)
    assert not out.exists()


def _result(scan: bool = False):
    """A measurement result with every part the metrics read (as measure() writes it)."""
    estimate = {"value": 0.3, "ci": [0.2, 0.4], "resamples": [0.3, 0.31]}
    gamma = {"value": 0.8, "ci": [0.7, 0.9], "r2": 0.99, "window": [4, 64], "resamples": [0.8, 0.82],
             "r2_resamples": [0.99, 0.98]}
    pade = {"theta": 1e4, "theta_layer_type": "full_attention", "formula": "(2θ − T√2)/(2θ + T√2)",
            "T_trained": 2048, "gamma_trained_context": 0.75, "T_measured": 256, "gamma_measured_N": 0.96}
    rows = [{"scale": f, "rope": {"full_attention": {"frequencies_changed": f != 1.0}}, "gamma": gamma,
             "sink_mass": estimate, "pade": pade} for f in (0.5, 1.0, 2.0)]
    return read_result({"schema_version": 3, "model": {"name": "m", "kind": "hf", "path": "/m", "sha256": "0",
                                                       "weights": "w"},
                        "protocol": {"prompts": 4}, "gamma": gamma, "sink_mass": estimate,
                        "power_law_advantage": estimate, "pade": pade, "theta_scan": rows if scan else []})


@pytest.mark.parametrize("name", sorted(protocols.PROTOCOLS))
def test_each_protocol_reports_exactly_its_declared_metrics(name):
    metrics = protocols.metrics_for(name, _result(scan=name == "theta-rescaling"))
    assert set(metrics.point) == set(protocols.metric_names(name))
    assert metrics.point["gamma_pade"] == 0.75


def test_the_census_reports_its_declared_metrics_and_a_drift_is_caught(monkeypatch):
    census = protocols.atlas_metrics({"m": _result()})
    assert set(census) == set(protocols.metric_names(protocols.ATLAS)) and census["fraction_below_one"] == 1.0
    monkeypatch.setitem(protocols.PROTOCOLS, "decay-fit",
                        protocols.Protocol("decay-fit", "p", metrics=protocols.DECAY_METRICS[:-1]))
    with pytest.raises(RuntimeError, match="declares the metrics"):
        protocols.metrics_for("decay-fit", _result())
