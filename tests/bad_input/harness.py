"""坏输入测试的工具：从每个公开函数的文档示例里取一次合法调用，再派生出各种坏的变体。

取合法调用：把函数临时换成一个“记录器”，运行它的 Examples（doctest），记下第一次调用的参数。
派生变体：表缺列、空表、数值列里放 NaN/inf/负数/文字，标量参数换成 NaN、inf、负数、巨大的数、
错的类型，列名参数换成不存在的列，默认 None 的参数换成不认识的文字、整数和它不接受的类型，
Axes、规则列表、字典、函数、路径这类对象参数换成 None（它不许 None 时）、123、"abc"……每个变体都要么正常返回，要么抛出本库的错误（RuralfinError）；
不许抛出 pandas/numpy/sklearn 的原始异常，不许卡住，不许改动输入的表；输入有坏值时，
输出里不许悄悄多出 NaN/inf。
"""

from __future__ import annotations

import copy
import doctest
import importlib
import inspect
import math
import re
import signal
import sys
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

#: 每个变体最多运行的秒数：超过就算“卡住”
TIMEOUT = 10
#: 每张表最多派生“删一列”“坏一列”变体的列数
MAX_COLUMNS = 6


@dataclass
class Call:
    qualname: str
    func: Callable
    args: tuple
    kwargs: dict
    outputs: set = field(default_factory=set)  # 要写出的文件参数（位置序号或参数名）
    fit: "Call | None" = None  # 估计器：fit 的合法调用（坏的 X、y 从这里派生）


@dataclass
class Variant:
    label: str
    args: tuple
    kwargs: dict
    invalid_values: bool = False  # 注入了坏的数值：返回时不许悄悄多出 NaN/inf


@dataclass
class Outcome:
    variant: str
    kind: str  # ok / project_error / bare / hang / mutation / silent_nan
    detail: str = ""


class _Stop(Exception):
    pass


def public_callables():
    """(限定名, 对象)：各模块 __all__ 里的函数和估计器类。"""
    import pkgutil

    import ruralfin

    seen = set()
    for info in sorted(pkgutil.walk_packages(ruralfin.__path__, "ruralfin."), key=lambda i: i.name):
        if any(p.startswith("_") for p in info.name.split(".")[1:]) or info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name, None)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and id(obj) not in seen:
                if getattr(obj, "__module__", "").startswith("ruralfin") and not issubclass_safe(obj, BaseException):
                    seen.add(id(obj))
                    yield f"{obj.__module__}.{obj.__qualname__}", obj


def issubclass_safe(obj, cls) -> bool:
    return inspect.isclass(obj) and issubclass(obj, cls)


def harvest(func: Callable) -> Call | None:
    """运行 ``func`` 文档里的 Examples，记下第一次调用它的参数；没有示例或示例里没调用它时返回 None。"""
    module = sys.modules[func.__module__]
    finder = doctest.DocTestFinder(recurse=False)
    if not finder.find(func, func.__name__, module=module, globs={}) or not func.__doc__ or ">>>" not in func.__doc__:
        return None
    recorded: list[Call] = []
    fit_calls: list[tuple[tuple, dict]] = []

    def recorder(*args, **kwargs):
        # 记下第一次**成功**的调用（示例里也可能先演示一次报错）
        if recorded:
            return func(*args, **kwargs)
        call = Call(f"{func.__module__}.{func.__qualname__}", func, copy.deepcopy(args), copy.deepcopy(kwargs),
                    _output_paths(args, kwargs))
        result = func(*args, **kwargs)
        recorded.append(call)
        return result

    patched = [(m, n) for m in list(sys.modules.values())
               if getattr(m, "__name__", "").startswith("ruralfin") or m is module
               for n, v in list(vars(m).items()) if v is func]
    target = recorder
    if inspect.isclass(func):
        # 类：记录构造参数（估计器的 fit/predict 另由 sklearn 的通用检查覆盖）
        class Recorder(func):  # type: ignore[misc,valid-type]
            def __init__(self, *args, **kwargs):
                call = Call(f"{func.__module__}.{func.__qualname__}", func, copy.deepcopy(args), copy.deepcopy(kwargs))
                super().__init__(*args, **kwargs)
                if not recorded:
                    recorded.append(call)

            if hasattr(func, "fit"):
                def fit(self, *args, **kwargs):
                    out = func.fit(self, *args, **kwargs)
                    if recorded and not fit_calls:
                        fit_calls.append((copy.deepcopy(args), copy.deepcopy(kwargs)))
                    return out

        Recorder.__name__ = func.__name__
        Recorder.__qualname__ = func.__qualname__
        target = Recorder
    for m, n in patched:
        setattr(m, n, target)
    try:
        tests = finder.find(func, func.__name__, module=module, globs=dict(module.__dict__))
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import matplotlib

            matplotlib.use("Agg")
            runner.run(tests[0], out=lambda s: None, clear_globs=True)
    finally:
        for m, n in patched:
            setattr(m, n, func)
        import matplotlib.pyplot as plt

        plt.close("all")
    if not recorded:
        return None
    call = recorded[0]
    if fit_calls:
        # 估计器：坏的构造参数要到 fit 时才暴露（如 n_prebins=10**8 卡住），所以“调用”= 构造 + fit
        fit_args, fit_kwargs = fit_calls[0]
        cls = func

        def build_and_fit(*args, **kwargs):
            return cls(*args, **kwargs).fit(*copy.deepcopy(fit_args), **copy.deepcopy(fit_kwargs))

        build_and_fit.__signature__ = inspect.signature(cls)
        call.func = build_and_fit
        call.fit = Call(f"{call.qualname}.fit", lambda *a, **k: cls(*call.args, **call.kwargs).fit(*a, **k),
                        fit_args, fit_kwargs)
    return call


# ---------------------------------------------------------------- 变体
def _annotation(param: "inspect.Parameter | None") -> str:
    if param is None or param.annotation is inspect.Parameter.empty:
        return ""
    ann = param.annotation
    return ann if isinstance(ann, str) else getattr(ann, "__name__", str(ann))


def _accepts_none(param: "inspect.Parameter | None") -> bool:
    """参数本来就允许 None（默认值是 None，或类型注解里有 None/Optional）。"""
    if param is None:
        return False
    return param.default is None or bool(re.search(r"\b(None|Optional)\b", _annotation(param)))


def _accepts_number(ann: str) -> bool:
    return bool(re.search(r"\b(int|float|Real|Integral|Number)\b", ann)) and not re.search(r"\bstr\b", ann)


def _accepts_sequence(ann: str) -> bool:
    return not ann or bool(re.search(r"\b(Any|Sequence|Iterable|list|tuple|Collection|ArrayLike)\b", ann))


def _is_object(value: Any) -> bool:
    """表、向量、数、文字、是/否以外的参数（Axes、规则列表、字典、函数、路径、元组……）。"""
    return not (value is None or isinstance(value, (bool, int, float, np.number, str, pd.DataFrame))
                or _is_vector(value))


def _bad_scalars(value: Any, param: "inspect.Parameter | None" = None) -> list[tuple[str, Any, bool]]:
    """一个参数的坏值：(标签, 坏值, 是否注入了坏的数值)。``param`` 是它在签名里的参数（知道时）。"""
    if isinstance(value, bool):
        return [("bool→str", "yes", False), ("bool→None", None, False)]
    if isinstance(value, (int, float, np.number)):
        return [("num→nan", float("nan"), True), ("num→inf", float("inf"), True), ("num→-1", -1, True),
                ("num→1e12", 1e12, True), ("num→str", "abc", False), ("num→list", [1, 2], False)]
    if isinstance(value, str):
        return [("str→unknown", "__no_such__", False), ("str→int", 123, False)]
    if value is None:
        if param is None:
            return []
        # 默认 None 的参数（可省略的列名、表、标题、上限……）：不认识的文字、整数，再按它接受的类型给一个错的
        ann = _annotation(param)
        out = [("none→unknown", "__no_such__", False), ("none→int", 12345, False)]
        if _accepts_number(ann):
            out += [("none→nan", float("nan"), True), ("none→inf", float("inf"), True)]
        if not _accepts_sequence(ann):
            out.append(("none→list", [1, 2], False))
        return out
    if _is_object(value):
        # Axes、规则列表、字典、函数、路径……：换成 None（它不许 None 时）、数字、文字
        out = [] if _accepts_none(param) else [("obj→None", None, False)]
        return out + [("obj→int", 123, False), ("obj→str", "abc", False)]
    return []


def _frame_variants(df: pd.DataFrame) -> list[tuple[str, Callable[[pd.DataFrame], Any], bool]]:
    out: list[tuple[str, Callable[[pd.DataFrame], Any], bool]] = [
        ("frame→empty", lambda d: d.iloc[0:0].copy(), False),
        ("frame→list", lambda d: d.to_dict("records"), False),
        ("frame→None", lambda d: None, False),
    ]
    cols = list(df.columns)[:MAX_COLUMNS]
    for c in cols:
        out.append((f"drop[{c}]", lambda d, c=c: d.drop(columns=[c]), False))
        s = df[c]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s) and len(df):
            for tag, bad in (("nan", np.nan), ("inf", np.inf), ("neg", -1e6)):
                def make(d, c=c, bad=bad):
                    d = d.copy()
                    d[c] = d[c].astype("float64")
                    d.iloc[0, d.columns.get_loc(c)] = bad
                    return d
                out.append((f"{tag}[{c}]", make, True))
            def as_text(d, c=c):
                d = d.copy()
                d[c] = d[c].astype(str).where(np.arange(len(d)) != 0, "暂无")
                return d
            out.append((f"str[{c}]", as_text, True))
    return out


def _vector_variants(v: Any) -> list[tuple[str, Callable[[Any], Any], bool]]:
    """一维的 Series、数组或数字列表：空的、放进 NaN/inf/负数/文字。"""
    s = pd.Series(v)
    out: list[tuple[str, Callable[[Any], Any], bool]] = [("vec→empty", lambda x: type(x)([]) if isinstance(x, list)
                                                          else pd.Series(x).iloc[0:0], False)]
    if len(s) and pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        for tag, bad in (("nan", np.nan), ("inf", np.inf), ("neg", -1e6), ("text", "暂无")):
            def make(x, bad=bad):
                y = pd.Series(x).astype("object" if isinstance(bad, str) else "float64").copy()
                y.iloc[0] = bad
                return y.tolist() if isinstance(x, list) else (y.to_numpy() if isinstance(x, np.ndarray) else y)
            out.append((f"vec→{tag}", make, True))
    return out


def _is_vector(v: Any) -> bool:
    return (isinstance(v, (pd.Series, np.ndarray)) and np.ndim(v) == 1) or (
        isinstance(v, list) and v and all(isinstance(e, (int, float)) and not isinstance(e, bool) for e in v))


def variants(call: Call) -> list[Variant]:
    try:
        params = inspect.signature(call.func).parameters
    except (TypeError, ValueError):
        params = {}
    names = [n for n, p in params.items() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    positional = [params[n] for n in names]
    out: list[Variant] = []
    for i, a in enumerate(call.args):
        if _is_vector(a):
            for tag, make, inv in _vector_variants(a):
                args = list(copy.deepcopy(call.args))
                args[i] = make(a)
                out.append(Variant(f"arg{i}:{tag}", tuple(args), copy.deepcopy(call.kwargs), inv))
        if isinstance(a, pd.DataFrame):
            for tag, make, inv in _frame_variants(a):
                args = list(copy.deepcopy(call.args))
                args[i] = make(a)
                out.append(Variant(f"arg{i}:{tag}", tuple(args), copy.deepcopy(call.kwargs), inv))
        for tag, bad, inv in _bad_scalars(a, positional[i] if i < len(positional) else None):
            args = list(copy.deepcopy(call.args))
            args[i] = bad
            out.append(Variant(f"arg{i}:{tag}", tuple(args), copy.deepcopy(call.kwargs), inv))
    # 没有传的关键字参数也要试：以它的默认值为底，换成坏值
    passed = set(call.kwargs) | set(names[: len(call.args)])
    for name, p in params.items():
        if name in passed or name == "self" or p.default is inspect.Parameter.empty \
                or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        for tag, bad, inv in _bad_scalars(p.default, p):
            kw = copy.deepcopy(call.kwargs)
            kw[name] = bad
            out.append(Variant(f"{name}:{tag}", copy.deepcopy(call.args), kw, inv))
    for k, v in call.kwargs.items():
        if _is_vector(v):
            for tag, make, inv in _vector_variants(v):
                kw = copy.deepcopy(call.kwargs)
                kw[k] = make(v)
                out.append(Variant(f"{k}:{tag}", copy.deepcopy(call.args), kw, inv))
        if isinstance(v, pd.DataFrame):
            for tag, make, inv in _frame_variants(v):
                kw = copy.deepcopy(call.kwargs)
                kw[k] = make(v)
                out.append(Variant(f"{k}:{tag}", copy.deepcopy(call.args), kw, inv))
        for tag, bad, inv in _bad_scalars(v, params.get(k)):
            kw = copy.deepcopy(call.kwargs)
            kw[k] = bad
            out.append(Variant(f"{k}:{tag}", copy.deepcopy(call.args), kw, inv))
    return out


# ---------------------------------------------------------------- 运行
def _fingerprint(obj: Any) -> Any:
    if isinstance(obj, pd.DataFrame):
        return ("df", tuple(obj.columns), tuple(map(str, obj.dtypes)), int(pd.util.hash_pandas_object(obj, index=True).sum()))
    if isinstance(obj, pd.Series):
        return ("s", str(obj.dtype), int(pd.util.hash_pandas_object(obj, index=True).sum()))
    if isinstance(obj, np.ndarray):
        return ("a", obj.dtype.str, obj.shape, obj.tobytes())
    if isinstance(obj, (list, tuple)):
        return tuple(_fingerprint(x) for x in obj)
    if isinstance(obj, dict):
        return tuple((k, _fingerprint(v)) for k, v in obj.items())
    return None


def nonfinite(result: Any) -> int:
    """结果里的 NaN/inf 个数（表、序列、数组、数、元组）。"""
    if isinstance(result, pd.DataFrame):
        num = result.select_dtypes("number")
        return int((~np.isfinite(num.to_numpy(dtype="float64", na_value=np.nan))).sum()) if num.shape[1] else 0
    if isinstance(result, pd.Series):
        return nonfinite(result.to_frame())
    if isinstance(result, np.ndarray) and result.dtype.kind in "fiu":
        return int((~np.isfinite(result.astype("float64"))).sum())
    if isinstance(result, (float, int, np.number)) and not isinstance(result, bool):
        return 0 if math.isfinite(float(result)) else 1
    if isinstance(result, (tuple, list)) and len(result) < 20:
        return sum(nonfinite(r) for r in result)
    if isinstance(result, dict) and len(result) < 50:
        return sum(nonfinite(r) for r in result.values())
    return 0


def _alarm(signum, frame):  # noqa: ARG001
    raise _Stop()


def _is_path(v: Any) -> bool:
    import os

    if isinstance(v, os.PathLike):  # Path 对象：文件或目录（如 write_county 的输出目录）
        return True
    return isinstance(v, str) and ("/" in v or "\\" in v) and "." in v[-8:]


def _output_paths(args: tuple, kwargs: dict) -> set:
    """调用时还不存在的文件路径：是要写出的文件。"""
    from pathlib import Path

    keys = set()
    for k, v in [*enumerate(args), *kwargs.items()]:
        if _is_path(v) and not Path(v).exists():
            keys.add(k)
    return keys


def fresh_paths(args: tuple, kwargs: dict, keys: set) -> tuple[tuple, dict]:
    """把要写出的文件换成新的临时文件名，免得“文件已存在”挡住后面的检查。"""
    import tempfile
    from pathlib import Path

    def swap(k, v):
        if k in keys and _is_path(v):
            new = Path(tempfile.mkdtemp(prefix="ruralfin-bad-")) / Path(v).name
            return new if isinstance(v, Path) else str(new)
        return v

    return tuple(swap(i, a) for i, a in enumerate(args)), {k: swap(k, v) for k, v in kwargs.items()}


def run_variant(func: Callable, variant: Variant, baseline_nonfinite: int, outputs: set = frozenset()) -> Outcome:
    from ruralfin.errors import RuralfinError

    if outputs:
        variant = Variant(variant.label, *fresh_paths(variant.args, variant.kwargs, outputs), variant.invalid_values)

    before = _fingerprint((variant.args, variant.kwargs))
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = func(*variant.args, **variant.kwargs)
    except _Stop:
        return Outcome(variant.label, "hang", f"超过 {TIMEOUT} 秒")
    except RuralfinError:
        result = None
        kind = "project_error"
    except Exception as exc:  # noqa: BLE001 - 这正是要找的
        return Outcome(variant.label, "bare", f"{type(exc).__name__}: {str(exc)[:160]}")
    else:
        kind = "ok"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        try:
            import matplotlib.pyplot as plt

            plt.close("all")
        except Exception:  # noqa: BLE001
            pass
    if _fingerprint((variant.args, variant.kwargs)) != before:
        return Outcome(variant.label, "mutation", "输入被改动了")
    if kind == "ok" and variant.invalid_values and nonfinite(result) > baseline_nonfinite:
        return Outcome(variant.label, "silent_nan", f"输出多了 {nonfinite(result) - baseline_nonfinite} 个 NaN/inf")
    return Outcome(variant.label, kind)


def audit(call: Call) -> list[Outcome]:
    args, kwargs = fresh_paths(copy.deepcopy(call.args), copy.deepcopy(call.kwargs), call.outputs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = call.func(*args, **kwargs)
    baseline = nonfinite(base)
    out = [run_variant(call.func, v, baseline, call.outputs) for v in variants(call)]
    if call.fit is not None:
        out += [Outcome(f"fit {o.variant}", o.kind, o.detail)
                for o in (run_variant(call.fit.func, v, 0) for v in variants(call.fit))
                if o.kind != "silent_nan"]  # 模型对象本身不是数字结果
    return out
