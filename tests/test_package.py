"""顶层命名空间：懒加载的名字都能取到，导入 ruralfin 不拖入重模块，也不改动 matplotlib 设置。"""

import importlib
import json
import subprocess
import sys

import pytest

import ruralfin as rf
from ruralfin import risk


@pytest.mark.parametrize("name", sorted(rf._LAZY))
def test_lazy_names_resolve(name):
    assert getattr(rf, name) is not None


@pytest.mark.parametrize("name", sorted(risk._LAZY))
def test_risk_lazy_names_resolve(name):
    obj = getattr(risk, name)
    home = importlib.import_module(f"ruralfin.risk.{risk._LAZY[name]}")
    assert obj is getattr(home, name)


def _existing(pkg, names):
    out = []
    for sub in names:
        try:
            out.append(importlib.import_module(f"{pkg}.{sub}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{pkg}.{sub}":
                raise
    return out


def test_every_public_risk_name_is_exported():
    for mod in _existing("ruralfin.risk", risk._SUBMODULES):
        for name in mod.__all__:
            assert risk._LAZY.get(name) == mod.__name__.rsplit(".", 1)[1], f"{mod.__name__}.{name} 未登记到 ruralfin.risk._LAZY"


def test_unknown_attribute_message_is_chinese():
    with pytest.raises(AttributeError, match="ruralfin 没有"):
        rf.no_such_thing  # noqa: B018


def test_import_is_light_and_changes_no_settings():
    code = (
        "import sys, json, matplotlib as mpl; before = dict(mpl.rcParams); "
        "import ruralfin; "
        "heavy = [m for m in ('sklearn', 'statsmodels', 'seaborn', 'matplotlib.pyplot', 'scipy') if m in sys.modules]; "
        "print(json.dumps({'heavy': heavy, 'same': before == dict(mpl.rcParams)}))"
    )
    import os

    env = {**os.environ, "MPLBACKEND": "Agg"}  # 读取 rcParams["backend"] 时不要自动选后端（那会导入 pyplot）
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    result = json.loads(out)
    assert result == {"heavy": [], "same": True}
