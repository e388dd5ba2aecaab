"""示范县（demo county）数据：生成、加载、数据字典、读入银行自己的导出文件。

- :func:`make_county` 按随机种子确定地生成全部表（可到 100 万个经营主体）；
- :func:`load_dataset` / :func:`list_datasets` 加载随包安装的默认示范县
  （25,000 个经营主体、种子 20251231，与重新生成的结果逐表相等）；
- :func:`describe_dataset` 给出数据字典；
- :func:`read_table` 读入银行的 CSV/Excel 导出并按结构校验（本行表头用 ``columns`` 或
  :func:`mapping_template` 生成的对照表对应，金额以元计时 ``amount_unit="元"``），:func:`export_excel`、
  :func:`write_csv` 写出中文表头的 Excel 和 Windows Excel 能直接打开的 CSV。

各表结构（列、类型、单位、主键）见 :mod:`ruralfin.schema`。
"""

from __future__ import annotations

from typing import Any

from .._validation import check_int
from ..errors import RuralfinTypeError, RuralfinValueError
from ._defaults import DEFAULT_N, DEFAULT_SEED, GENERATOR_VERSION

#: 读写函数 -> 所在模块：加载（_load）、读入本行导出（_read）、写出（_write）
_IO_NAMES = {
    "load_dataset": "_load", "list_datasets": "_load", "describe_dataset": "_load",
    "read_table": "_read", "validate_table": "_read", "mapping_template": "_read",
    "export_excel": "_write", "write_csv": "_write", "write_county": "_write", "table_hash": "_write",
}


def __getattr__(name: str) -> Any:
    # 读写函数按需导入：只生成数据（make_county）时不必载入读写与校验的代码
    if name in _IO_NAMES:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_IO_NAMES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"ruralfin.datasets 没有 {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

__all__ = [
    "make_county",
    "load_dataset",
    "list_datasets",
    "describe_dataset",
    "read_table",
    "validate_table",
    "mapping_template",
    "export_excel",
    "write_csv",
    "write_county",
    "table_hash",
    "DEFAULT_N",
    "DEFAULT_SEED",
]

_MAX_N = 5_000_000


def make_county(n_entities: int = DEFAULT_N, random_state: int | None = DEFAULT_SEED, *, progress: Any = False) -> dict:
    """生成一个示范县：返回“表名 -> DataFrame”的字典（表的顺序同 ``ruralfin.schema.TABLE_NAMES``）。

    同样的 ``n_entities`` 和 ``random_state`` 在任何机器、任何进程里都给出完全相同的表。
    默认参数生成的就是随包安装、:func:`load_dataset` 加载的那个示范县。

    Parameters
    ----------
    n_entities : int, default 25000
        经营主体个数（1 到 5,000,000）。其他表的行数随之大致成比例增长。
    random_state : int or None, default 20251231
        随机种子（非负整数）；``None`` 表示每次不同。
    progress : bool or callable, default False
        ``True`` 时显示 tqdm 进度条；也可以传入 ``callback(stage_name)``。

    Returns
    -------
    dict of {str: DataFrame}
        全部表；``truth_*`` 表是生成器知道、银行看不到的真相。

    Examples
    --------
    >>> from ruralfin.datasets import make_county
    >>> county = make_county(n_entities=500, random_state=1)
    >>> county["entities"].shape
    (500, 27)
    >>> sorted(county)[:3]
    ['account_flows', 'applications', 'bank_book_monthly']
    >>> make_county(0)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 n_entities 应为不小于 1 的整数，实际是 0
    """
    n = check_int(n_entities, "n_entities", min_value=1)
    if n > _MAX_N:
        raise RuralfinValueError(f"参数 n_entities 最大为 {_MAX_N:,}（五百万），实际是 {n:,}")
    if random_state is not None:
        random_state = check_int(random_state, "random_state", min_value=0)
    from ._generator import N_STEPS, make_county_tables

    bar = None
    cb = None
    if callable(progress):
        cb = progress
    elif progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=N_STEPS, desc="生成示范县", unit="步")

        def cb(stage):
            bar.set_postfix_str(stage)
            bar.update(1)
    elif progress is not False and progress is not None:
        raise RuralfinTypeError(f"参数 progress 应为 True/False 或一个函数，实际是 {type(progress).__name__}")
    try:
        return make_county_tables(n, random_state, progress=cb)
    finally:
        if bar is not None:
            bar.close()
