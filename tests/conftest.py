import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture
def restore_rc():
    """测试改动 matplotlib 设置后恢复原样。"""
    import matplotlib as mpl

    saved = mpl.rcParams.copy()
    yield
    mpl.rcParams.update(saved)
