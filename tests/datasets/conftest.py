import sys
from pathlib import Path

import pytest

from ruralfin.datasets import make_county

sys.path.insert(0, str(Path(__file__).parent))  # calibration.py（校准清单）


@pytest.fixture(scope="session")
def small_county():
    return make_county(n_entities=3000, random_state=7)


@pytest.fixture(scope="session")
def county():
    """默认参数的示范县，在内存里重新生成（与随包数据相同：test_shipped_files_equal_regeneration 保证）。

    校准测试用它而不是随包文件：改了生成器、还没重写随包数据时，测试看的就是新的生成结果。
    """
    return make_county()
