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


class _County(dict):
    """示范县各表：第一次取某表时从随包数据加载，之后复用。"""

    def __missing__(self, name):
        from ruralfin.datasets import load_dataset

        self[name] = table = load_dataset(name)
        return table


@pytest.fixture(scope="session")
def county():
    """随包的默认示范县，``county["loans"]`` 取一张表。测试不得修改这些表（各测试也都断言输入不变）。"""
    return _County()
