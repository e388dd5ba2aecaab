"""走访清单：按乡镇、行业、客群筛选潜在客户并排序（:func:`target_list`），导出遮蔽了个人信息的
Excel（:func:`export_target_list`）。"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import labels
from .._validation import (
    check_bool,
    check_choice,
    check_frame,
    check_instance,
    check_int,
    check_number,
    column_name,
    column_names,
    key_columns,
    numeric_column,
)

__all__ = ["target_list", "export_target_list"]


def target_list(
    prospects: pd.DataFrame,
    *,
    township: Any = None,
    industry: Any = None,
    customer_group: Any = None,
    min_score: float | None = None,
    top: int | None = None,
    sort_by: str = "prospect_score",
    ascending: bool = False,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """客户经理的走访清单：按乡镇、行业、客群筛选，按分数排序，取前若干名。

    Parameters
    ----------
    prospects : DataFrame
        潜在客户表，如 :func:`~ruralfin.segments.existing_customer_prospects` 或
        :func:`~ruralfin.segments.supply_chain_prospects` 的结果。
    township, industry, customer_group : str or list of str, optional
        只保留这些乡镇/行业/客群（取值须在表中出现过，写错会提示可选值）。
    min_score : float, optional
        只保留分数（``prospect_score``）不低于它的。
    top : int, optional
        只取排序后的前 ``top`` 名。
    sort_by : str, default "prospect_score"
        排序列；是数值列时不许缺失或无穷大（缺了分数就排不出名次）。
    ascending : bool, default False
        是否升序（默认分数从高到低）。
    columns : sequence of str, optional
        只保留这些列（``rank`` 总会放在最前）。

    Returns
    -------
    DataFrame
        筛选排序后的新表，``rank`` 为清单内的名次（从 1 开始）。除排序与筛选用到的列外，
        各列原样照抄（如手机号缺失的，清单里也缺失）。

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"entity_id": [1, 2, 3], "township": ["青禾镇", "稻香镇", "青禾镇"],
    ...                   "prospect_score": [60.0, 90.0, 75.0]})
    >>> target_list(p, township="青禾镇")
       rank  entity_id township  prospect_score
    0     1          3      青禾镇            75.0
    1     2          1      青禾镇            60.0
    """
    check_frame(prospects, name="prospects", allow_empty=True)
    check_instance(columns, (), "columns", allow_none=True, items=str)
    if "entity_id" in prospects.columns:
        key_columns(prospects, "entity_id", param="prospects", frame="prospects")  # 没有编号的主体没法上门走访
    mask = np.ones(len(prospects), dtype=bool)
    for col, val in [("township", township), ("industry", industry), ("customer_group", customer_group)]:
        if val is None:
            continue
        s = prospects[column_name(prospects, col, param=col, frame="prospects")]
        known = (list(s.cat.categories) if isinstance(s.dtype, pd.CategoricalDtype)
                 else sorted(s.dropna().unique().tolist()))
        wanted = [val] if isinstance(val, str) or not isinstance(val, Iterable) else list(val)
        for v in wanted:
            check_choice(v, known, col)
        mask &= s.isin(wanted).to_numpy()
    column_name(prospects, sort_by, param="sort_by", frame="prospects")
    if pd.api.types.is_numeric_dtype(prospects[sort_by].dtype) and not pd.api.types.is_bool_dtype(prospects[sort_by]):
        numeric_column(prospects, sort_by, param="sort_by", frame="prospects")  # 分数缺失就排不出名次
    ascending = check_bool(ascending, "ascending")
    if min_score is not None:
        floor = check_number(min_score, "min_score")
        score = numeric_column(prospects, "prospect_score", param="min_score", frame="prospects")
        mask &= score >= floor
    res = prospects[mask].drop(columns=["rank"], errors="ignore")
    res = res.sort_values(sort_by, ascending=ascending, kind="stable")
    if top is not None:
        res = res.head(check_int(top, "top", min_value=1))
    if columns is not None:
        cols = [c for c in columns if c != "rank"]
        res = res[column_names(res, cols, param="columns", frame="prospects")] if cols else res[[]]
    res = res.reset_index(drop=True)
    res.insert(0, "rank", np.arange(1, len(res) + 1))
    return res


def export_target_list(
    targets: pd.DataFrame,
    path: str | Path,
    *,
    sheet_name: str | None = None,
    mask: bool = True,
    table: str | None = "entities",
    overwrite: bool = False,
) -> Path:
    """把走访清单导出为 Excel：列名换成中文，身份证号、手机号等默认遮蔽。

    Parameters
    ----------
    targets : DataFrame
        :func:`target_list` 的结果。
    path : str or Path
        要写的 ``.xlsx`` 文件；所在文件夹须已存在。只写这一个文件。
    sheet_name : str, optional
        工作表名；默认“走访清单”（登记在标签的 ``segments.target_sheet``）。
    mask : bool, default True
        遮蔽个人信息列（经营者姓名、手机号等，见 :func:`ruralfin.labels.to_display`）。
    table : str or None, default "entities"
        取列说明时参照的表：清单里的主体信息（名称、经营者、主办行等）登记在
        ``entities`` 表下，按它换中文名并遮蔽个人信息。
    overwrite : bool, default False
        文件已存在时是否覆盖；默认不覆盖并报错，学员的文件不会被冲掉。

    Returns
    -------
    Path
        写出的文件路径。

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> t = pd.DataFrame({"rank": [1], "entity_id": [7], "prospect_score": [80.0]})
    >>> with tempfile.TemporaryDirectory() as d:
    ...     out = export_target_list(t, pathlib.Path(d) / "清单.xlsx")
    ...     pd.read_excel(out).columns.tolist()[:1]
    ['名次']
    """
    from ..datasets import export_excel

    check_frame(targets, name="targets", allow_empty=True)
    check_instance(sheet_name, str, "sheet_name", allow_none=True)
    sheet = labels.text("segments.target_sheet") if sheet_name is None else sheet_name
    return export_excel({sheet: targets}, path, overwrite=overwrite, mask=mask, table=table)
