"""ruralfin：乡村振兴金融服务（三农金融）实战课程的配套库。

用法：``import ruralfin as rf``。常用函数都在顶层，例如 ``rf.load_dataset``、
``rf.set_theme``、``rf.to_display``。重的依赖（matplotlib、scikit-learn、
statsmodels）只在第一次用到时才导入，所以 ``import ruralfin`` 很快，
也不会改动任何 matplotlib 设置——画中文图前请显式调用 ``rf.set_theme()``。
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import RuralfinError, RuralfinTypeError, RuralfinValueError, RuralfinWarning, SchemaError

__version__ = "0.1.0"

# 顶层名称 -> 定义它的模块。tests/test_package.py 检查每个模块的 __all__ 都登记在这里。
_LAZY: dict[str, str] = {
    # 标签与展示
    "to_display": "ruralfin.labels",
    "label": "ruralfin.labels",
    "value_label": "ruralfin.labels",
    # 图表
    "set_theme": "ruralfin.plotting",
    # 练习
    "reset_exercise": "ruralfin.practice",
    # 示范县数据与本行数据
    "make_county": "ruralfin.datasets",
    "load_dataset": "ruralfin.datasets",
    "list_datasets": "ruralfin.datasets",
    "describe_dataset": "ruralfin.datasets",
    "read_table": "ruralfin.datasets",
    "mapping_template": "ruralfin.datasets",
    "export_excel": "ruralfin.datasets",
    "write_csv": "ruralfin.datasets",
}

_SUBMODULES = (
    "labels", "plotting", "widgets", "practice", "doctor", "privacy", "datasets", "course",
    "economics", "segments", "risk",
)

__all__ = sorted(
    [*_LAZY, *_SUBMODULES, "RuralfinError", "RuralfinValueError", "RuralfinTypeError", "SchemaError", "RuralfinWarning"]
)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"ruralfin 没有 {name!r}；可用的名称见 dir(ruralfin)")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # 供编辑器补全
    from .labels import label, to_display, value_label  # noqa: F401
    from .datasets import (  # noqa: F401
        describe_dataset, export_excel, list_datasets, load_dataset, make_county, read_table, write_csv,
    )
    from .plotting import set_theme  # noqa: F401
    from .practice import reset_exercise  # noqa: F401
