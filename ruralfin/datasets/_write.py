"""写出：中文表头的 Excel/CSV（防公式注入、默认遮蔽个人信息、原子写入）、示范县整套文件、表内容哈希。"""

from __future__ import annotations

import io
import json
import os
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_frame, check_instance, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning
from .. import schema as _schema

__all__ = ["export_excel", "write_csv", "write_county", "table_hash"]

# ---------------------------------------------------------------- 写出
#: 这些字符开头的格子，Excel 会当成公式（OWASP 的 CSV 注入规则）
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

def _check_target(path: str | os.PathLike, overwrite: bool) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise RuralfinTypeError(f"path 应为文件路径（字符串或 Path），实际是 {type(path).__name__}")
    if not isinstance(overwrite, bool):
        raise RuralfinTypeError(f"参数 overwrite 应为 True 或 False，实际是 {overwrite!r}")
    p = Path(path)
    if p.is_symlink() and not p.exists():
        raise RuralfinValueError(
            f"{p} 是一个符号链接，指向的 {os.readlink(p)} 不存在；为免把文件写到意想不到的地方，不经它写出。"
            "请换一个文件名，或先删除这个链接")
    if p.is_dir():
        raise RuralfinValueError(f"{p} 是一个文件夹；请给出要写的文件名，如 {p / 'out.xlsx'}")
    if p.exists() and not overwrite:
        raise RuralfinValueError(f"文件 {p} 已存在；如确需覆盖，请传入 overwrite=True")
    if not p.parent.exists():
        raise RuralfinValueError(f"目录 {p.parent} 不存在，请先创建")
    if not p.parent.is_dir():
        raise RuralfinValueError(f"{p.parent} 不是文件夹，无法在里面写文件 {p.name}")
    return p


def _umask() -> int:
    old = os.umask(0o022)
    os.umask(old)
    return old


def _atomic_write(p: Path, data: bytes | str, *, overwrite: bool, encoding: str | None = None) -> Path:
    """先写进同一文件夹里的临时文件，写完整了再改名成 ``p``（``os.replace``，一步完成）。

    中途出错（磁盘满、被打断）只会留下——随即删掉的——临时文件，不会有写了一半的目标文件挡住重试。
    ``overwrite=False`` 时用硬链接“不存在才创建”，即使别人恰好同时写了同名文件也不会被冲掉。
    ``p`` 是指向已有文件的符号链接时，替换它指向的文件，链接本身保留。
    """
    import contextlib
    import tempfile

    target = p.resolve() if p.is_symlink() else p
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise RuralfinValueError(
            f"没有权限在文件夹 {folder} 里写文件（文件夹是只读的？）；请换一个自己有写权限的文件夹") from None
    except OSError as exc:
        raise RuralfinValueError(f"无法在文件夹 {folder} 里写文件：{exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode(encoding or "utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())  # 与普通新建的文件权限相同（临时文件默认只有自己可读）
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise RuralfinValueError(f"文件 {p} 已存在；如确需覆盖，请传入 overwrite=True") from None
            except OSError:  # 文件系统不支持硬链接（FAT 格式的 U 盘等）
                if os.path.lexists(target):
                    raise RuralfinValueError(f"文件 {p} 已存在；如确需覆盖，请传入 overwrite=True") from None
                os.replace(tmp, target)
            else:
                os.unlink(tmp)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, PermissionError):
            raise RuralfinValueError(f"没有权限写文件 {p}；请检查文件夹和文件的权限，或换一个文件夹") from None
        raise RuralfinValueError(f"写文件 {p} 失败：{exc.strerror or exc}；目标文件没有改动") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return p


#: 纯粹的数（-5、+3.2、-1,200.50、-12%）：Excel 里只是数，不是公式，不必加单引号
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def _defuse_cell(v: Any) -> Any:
    """以 = + - @、制表符或回车开头的文字前加一个单引号 ``'``（OWASP 的 CSV 注入规则），
    Excel、WPS 打开时就只是文字，不会当公式执行。不是文字的值、纯粹的数不动。"""
    if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(v):
        return "'" + v
    return v


def _defuse(data: pd.DataFrame) -> pd.DataFrame:
    """写出前：各文字格子与表头都经 :func:`_defuse_cell`（返回新表，数值、日期列原样）。

    >>> import pandas as pd
    >>> _defuse(pd.DataFrame({"a": ["=1+1", "-2+3", "-5", "ok"], "b": [-1.0, 2.0, 3.0, 4.0]}))["a"].tolist()
    ["'=1+1", "'-2+3", '-5', 'ok']
    """
    out = data.copy()
    for j in range(out.shape[1]):
        s = out.iloc[:, j]
        categorical = isinstance(s.dtype, pd.CategoricalDtype)
        if categorical:
            s = s.astype("object")  # 类别列写成普通文字（openpyxl 不认 category）
        elif not (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)):
            continue
        if s.dtype == object:  # 可能混有数字等：只看文字
            hits = np.array([isinstance(v, str) and v.startswith(FORMULA_PREFIXES) for v in s], dtype=bool)
        else:
            hits = s.str.startswith(FORMULA_PREFIXES, na=False).to_numpy(dtype=bool)
        if not hits.any():
            if categorical:
                out.isetitem(j, s)
            continue
        values = s.to_numpy(dtype=object, copy=True)
        idx = np.flatnonzero(hits)
        values[idx] = [_defuse_cell(v) for v in values[idx]]
        out.isetitem(j, pd.Series(values, index=s.index, name=s.name,
                                  dtype="object" if s.dtype == object else s.dtype))
    if out.columns.nlevels == 1:
        out.columns = pd.Index([_defuse_cell(c) for c in out.columns], name=out.columns.name)
    else:
        out.columns = pd.MultiIndex.from_tuples([tuple(_defuse_cell(c) for c in t) for t in out.columns],
                                                names=out.columns.names)
    return out


def _masked(df: pd.DataFrame, *, display: bool, mask: Any, table: str | None) -> pd.DataFrame:
    """写出前的遮蔽与中文化：``display`` 时经 to_display，否则（默认 ``mask=True``）只遮蔽个人信息。

    只有明确的 ``mask=False`` 不遮蔽，这时发出警告。
    """
    from .. import labels

    raw = mask is False
    if raw:
        found = labels.pii_columns(df, table=table)
        if found:
            warnings.warn(
                f"mask=False：{fmt_list(found, limit=10)} 含个人信息（身份证号、手机号、姓名等），按原样写出、没有遮蔽；"
                "请确认这个文件只在行内按个人信息保护的规定保存和传送", RuralfinWarning, stacklevel=3)
    if display:
        return labels.to_display(df, table=table, mask=not raw)
    return df if raw else labels.to_display(df, table=table, values=False, names=False)  # 只遮蔽


def write_csv(df: pd.DataFrame, path: str | os.PathLike, *, overwrite: bool = False, display: bool = False,
              mask: bool = True, table: str | None = None) -> Path:
    """把表写成带 BOM 的 UTF-8 CSV（Windows 上的 Excel 双击即可正确显示中文）。

    个人信息默认遮蔽；以 ``= + - @``、制表符或回车开头的文字前加单引号 ``'``，Excel 打开时不会
    当成公式执行（OWASP 的 CSV 注入规则；纯粹的数如 ``-5`` 不加）。先写临时文件、写完再改名，
    出错时不会留下写了一半的文件。

    Parameters
    ----------
    df : DataFrame
        要写出的表，不会被修改。
    path : str or Path
        目标文件；已存在时除非 ``overwrite=True`` 否则报错。
    display : bool, default False
        ``True`` 时先经 :func:`ruralfin.labels.to_display` 换成中文表头与取值。
    mask : bool, default True
        遮蔽身份证号、手机号、姓名等个人信息（哪些列见 :func:`ruralfin.labels.pii_columns`）。
        要写出原始号码只能明确传入 ``mask=False``，并会收到警告。
    table : str, optional
        表名（取表专属的列说明）。

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> p = write_csv(pd.DataFrame({"loan_amount": [10.0]}), pathlib.Path(tempfile.mkdtemp()) / "a.csv")
    >>> p.read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    True
    >>> p = write_csv(pd.DataFrame({"手机号": ["13812345678"], "备注": ["=1+1"]}), p.with_name("b.csv"))
    >>> print(p.read_text(encoding="utf-8-sig"))
    手机号,备注
    138****5678,'=1+1
    <BLANKLINE>
    """
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"write_csv 需要 pandas DataFrame，实际是 {type(df).__name__}")
    check_instance(table, str, "table", allow_none=True)
    p = _check_target(path, overwrite)
    data = _defuse(_masked(df, display=display, mask=mask, table=table))
    # 行尾用 CRLF（RFC 4180，Windows 上的 Excel 也用它）：这样含回车或换行的格子一定加引号，不会把一行拆成两行
    text = data.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\r\n")
    return _atomic_write(p, text, overwrite=overwrite, encoding="utf-8-sig")


#: Excel 工作表名里不能有的字符
_BAD_SHEET_CHARS = '[]:*?/\\'


def _sheet_names(frames: dict) -> dict:
    """{原来的键: Excel 里的工作表名}：检查非法字符，截到 31 个字符后不得重名（Excel 不分大小写）。"""
    out: dict = {}
    seen: dict[str, Any] = {}
    for key in frames:
        name = str(key)
        if not name.strip():
            raise RuralfinValueError("工作表名不能为空")
        bad = [ch for ch in _BAD_SHEET_CHARS if ch in name]
        if bad:
            raise RuralfinValueError(
                f"工作表名 {name!r} 里有 Excel 不允许的字符 {'、'.join(bad)}（工作表名不能含 [ ] : * ? / \\）；请换一个名字")
        if name.startswith("'") or name.endswith("'"):
            raise RuralfinValueError(f"工作表名 {name!r} 不能以单引号开头或结尾（Excel 的规定）")
        short = name[:31]
        if short.lower() in seen:
            other = str(seen[short.lower()])
            why = (f"Excel 的工作表名最多 31 个字符，两个名字的前 31 个字符都是 {short!r}" if len(name) > 31 or len(other) > 31
                   else "Excel 的工作表名不分大小写")
            raise RuralfinValueError(
                f"工作表名 {other!r} 与 {name!r} 在 Excel 里是同一张表（{why}）；请把其中一个改短或改名")
        seen[short.lower()] = key
        out[key] = short
    return out


def export_excel(frames: pd.DataFrame | dict, path: str | os.PathLike, *, overwrite: bool = False,
                 display: bool = True, mask: bool = True, table: str | None = None) -> Path:
    """把一张或多张表写进一个 Excel 文件，默认用中文表头、中文取值，并遮蔽个人信息。

    以 ``= + - @``、制表符或回车开头的文字前加单引号 ``'``，不会变成能执行的公式（OWASP 的 CSV 注入
    规则）；空表写成只有表头的工作表。先写临时文件、写完再改名：出错时不会留下写了一半的文件。

    Parameters
    ----------
    frames : DataFrame or dict of {sheet name: DataFrame}
        一张表，或“工作表名 -> 表”的字典（工作表名若是示范县表名，用它取表专属说明）。
        工作表名最多 31 个字符，不能含 ``[ ] : * ? / \\``。
    path : str or Path
        目标 ``.xlsx`` 文件；已存在时除非 ``overwrite=True`` 否则报错。
    display : bool, default True
        经 :func:`ruralfin.labels.to_display` 换成中文表头与取值。
    mask : bool, default True
        遮蔽身份证号、手机号、姓名等个人信息（``display=False`` 时同样遮蔽，规则见
        :func:`ruralfin.labels.pii_columns`）；只有明确传入 ``mask=False`` 才写出原始号码，并会收到警告。
    table : str, optional
        只有一张表时，它对应的示范县表名。

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> p = export_excel(pd.DataFrame({"loan_amount": [10.0]}), pathlib.Path(tempfile.mkdtemp()) / "a.xlsx")
    >>> pd.read_excel(p).columns.tolist()
    ['贷款金额（万元）']
    """
    check_instance(table, str, "table", allow_none=True)
    if isinstance(frames, pd.DataFrame):
        frames = {(table or "Sheet1"): frames}
    if not isinstance(frames, dict) or not frames:
        raise RuralfinTypeError("export_excel 需要一个 DataFrame，或“工作表名 -> DataFrame”的非空字典")
    for k, v in frames.items():
        if not isinstance(v, pd.DataFrame):
            raise RuralfinTypeError(f"工作表 {k!r} 的内容应为 DataFrame，实际是 {type(v).__name__}")
    names = _sheet_names(frames)
    p = _check_target(path, overwrite)
    if p.suffix.lower() != ".xlsx":
        raise RuralfinValueError(f"Excel 文件名应以 .xlsx 结尾，实际是 {p.name}")
    sheets = []
    for sheet, df in frames.items():
        tname = table if table is not None else (sheet if sheet in _schema.TABLES else None)
        sheets.append((names[sheet], df, _defuse(_masked(df, display=display, mask=mask, table=tname)), tname))
    buf = io.BytesIO()
    xw = pd.ExcelWriter(buf, engine="openpyxl")
    for name, df, data, tname in sheets:
        try:
            if data.shape[1] == 0:
                xw.book.create_sheet(name)  # 没有列的表：空工作表（pandas 不写，Excel 要求至少一张）
                continue
            data.to_excel(xw, sheet_name=name, index=False)
        except (ValueError, TypeError, NotImplementedError) as exc:  # 带时区的时间、控制字符、多层列名……
            raise RuralfinValueError(
                f"工作表 {name!r} 无法写入 Excel（{type(exc).__name__}：{exc}）；没有写出任何文件") from None
        _format_excel_dates(xw.sheets[name], df, data, table=tname)
    xw.close()
    return _atomic_write(p, buf.getvalue(), overwrite=overwrite)


def _excel_date_format(name: Any, s: pd.Series, *, table: str | None = None) -> str | None:
    """日期列在 Excel 里的显示格式；不是日期列时返回 ``None``。

    月份列（``month``、``*_month``，或登记的中文名以“月份”结尾，如 ``closed_date`` 结清/核销月份；
    示范县里一律是月末日期）显示为 ``yyyy-mm``，其他日期为 ``yyyy-mm-dd``，带时刻的才显示时分秒。
    否则 Excel 会给每个日期添上“00:00:00”。

    >>> import pandas as pd
    >>> d = pd.Series(pd.to_datetime(["2025-01-31", "2025-02-28"]))
    >>> _excel_date_format("month", d), _excel_date_format("closed_date", d, table="loans")
    ('yyyy-mm', 'yyyy-mm')
    >>> _excel_date_format("origination_date", d), _excel_date_format("x", d + pd.Timedelta("9h"))
    ('yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss')
    """
    from ..labels import label

    if not pd.api.types.is_datetime64_any_dtype(s.dtype):
        return None
    if isinstance(name, str) and (name == "month" or name.endswith("_month")
                                  or label(name, table=table, unit=False).endswith("月份")):
        return "yyyy-mm"
    valid = s.dropna()
    if len(valid) and bool((valid != valid.dt.normalize()).any()):
        return "yyyy-mm-dd hh:mm:ss"
    return "yyyy-mm-dd"


def _format_excel_dates(ws, original: pd.DataFrame, written: pd.DataFrame, *, table: str | None = None) -> None:
    """给工作表 ``ws`` 里的日期列设上显示格式（列名按 ``original`` 判断，它与 ``written`` 逐列对应），
    并把列放宽到日期能完整显示（太窄时 Excel 显示 ####）。"""
    import unicodedata

    from openpyxl.utils import get_column_letter

    for j, name in enumerate(original.columns, start=1):
        fmt = _excel_date_format(name, written.iloc[:, j - 1], table=table)
        if fmt is None:
            continue
        for (cell,) in ws.iter_rows(min_row=2, max_row=ws.max_row, min_col=j, max_col=j):
            cell.number_format = fmt
        header = str(written.columns[j - 1])
        header_width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in header)
        dim = ws.column_dimensions[get_column_letter(j)]
        dim.width = max(len(fmt) + 3, header_width + 2)


def table_hash(df: pd.DataFrame) -> str:
    """表内容的哈希（与文件字节无关）：逐行 ``pd.util.hash_pandas_object`` 再合并，16 进制字符串。

    >>> import pandas as pd
    >>> table_hash(pd.DataFrame({"a": [1, 2]})) == table_hash(pd.DataFrame({"a": [1, 2]}))
    True
    """
    check_frame(df, name="df", allow_empty=True)
    h = pd.util.hash_pandas_object(df, index=False).to_numpy()
    cols = "|".join(f"{c}:{df[c].dtype}" for c in df.columns).encode()
    import hashlib

    m = hashlib.sha256(cols)
    m.update(h.tobytes())
    return m.hexdigest()[:32]


def write_county(tables: dict, out_dir: str | os.PathLike, *, format: str = "parquet", overwrite: bool = False,
                 manifest: dict | None = None, progress=None) -> Path:
    """把一个示范县（表名 -> DataFrame）写进目录：每表一个文件，外加 ``manifest.json``。

    目录非空时除非 ``overwrite=True`` 否则报错。CSV 为带 BOM 的 UTF-8。

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "county"
    >>> d = write_county({"loans": pd.DataFrame({"loan_id": [1, 2]})}, out, format="csv")
    >>> sorted(p.name for p in d.iterdir())
    ['loans.csv', 'manifest.json']
    """
    from collections.abc import Callable, Mapping

    check_instance(tables, Mapping, "tables")
    for name, df in tables.items():
        check_instance(df, pd.DataFrame, f"tables[{name!r}]")
    check_instance(out_dir, (str, os.PathLike), "out_dir")
    check_choice(format, ["parquet", "csv"], "format")
    check_instance(manifest, Mapping, "manifest", allow_none=True)
    check_instance(progress, Callable, "progress", allow_none=True)
    d = Path(out_dir)
    if d.exists() and not d.is_dir():
        raise RuralfinValueError(f"{d} 已存在且不是目录")
    if d.exists() and any(d.iterdir()) and not overwrite:
        raise RuralfinValueError(f"目录 {d} 不是空的；如确需覆盖其中的同名文件，请加 --overwrite（或 overwrite=True）")
    d.mkdir(parents=True, exist_ok=True)
    info = {}
    for name, df in tables.items():
        f = d / f"{name}.{format}"
        if format == "parquet":
            df.to_parquet(f, index=False, compression="zstd", compression_level=9)
        else:
            df.to_csv(f, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
        info[name] = {"rows": int(len(df)), "hash": table_hash(df)}
        if progress:
            progress(name)
    man = dict(manifest or {})
    man["tables"] = info
    (d / "manifest.json").write_text(json.dumps(man, ensure_ascii=False, indent=1), encoding="utf-8")
    return d
