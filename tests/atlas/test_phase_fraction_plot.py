"""The atlas's phase_fraction.png: the whole title inside the image, the legend beside the bars."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")


@pytest.mark.parametrize("models", [1, 3])
def test_title_fits_and_legend_is_off_the_bars(tmp_path, monkeypatch, models):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from attnthermo.atlas import plots

    drawn = []
    original = Figure.savefig

    def keep(fig, *args, **kwargs):
        drawn.append(fig)
        return original(fig, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    rows = [{"model": f"model-{i}", "head_phases": {"A": 3 + i, "undecided": 1, "B": 20}} for i in range(models)]
    assert plots.phase_fraction(rows, tmp_path / "phase_fraction.png").is_file()
    (fig,) = drawn
    renderer = FigureCanvasAgg(fig).get_renderer()  # the PNG is drawn with Agg
    (ax,) = fig.axes
    figure_box = fig.bbox
    title = ax.title.get_window_extent(renderer)
    assert figure_box.x0 <= title.x0 and title.x1 <= figure_box.x1 and title.y1 <= figure_box.y1
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.x0 >= ax.get_window_extent(renderer).x1 and legend.x1 <= figure_box.x1
