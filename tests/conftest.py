import os

# k-means、梯度提升树（OpenMP）和 numpy 的 BLAS 默认按 CPU 核数开线程；make test 用
# pytest -n 2 时每个进程都开满、互相抢核，个别测试慢很多倍（issue 10：53 秒 → 约 2 秒）。每个进程只用一个线程；
# 必须在导入 numpy/scikit-learn 之前设置（matplotlib 会导入 numpy），外面已设置时以外面为准。
os.environ.setdefault("OMP_NUM_THREADS", "1")

import matplotlib  # noqa: E402
import pytest  # noqa: E402

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
