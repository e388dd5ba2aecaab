"""库的结构：没有循环导入，不跨模块导入私有名字，每个模块只有一层依赖方向。

依赖的层次（ARCHITECTURE.md）：errors/_validation → schema → labels → datasets
→ 各业务主题模块（economics、segments、risk……）→ plotting/widgets → practice → notebooks。
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "ruralfin"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PKG.rglob("*.py")}


def _resolve(module: str, is_pkg: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_pkg else module.split(".")[:-1]
    if level:
        base = base[: len(base) - (level - 1)]
        return ".".join([*base, target] if target else base)
    return target or ""


def _imports(module: str):
    """(被导入的模块, 导入的名字, 行号)：模块顶层和函数里的导入都算，TYPE_CHECKING 块里的不算。"""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            src = _resolve(module, is_pkg, node.level, node.module)
            for alias in node.names:
                yield src, alias.name, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno


def _edges():
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for mod in MODULES:
        for src, name, _ in _imports(mod):
            if not src.startswith("ruralfin"):
                continue
            target = f"{src}.{name}" if name and f"{src}.{name}" in MODULES else src
            if target not in MODULES or target == mod:
                continue
            # 包的 __init__ 对外汇总它自己的子模块，这不算依赖
            if MODULES[mod].name == "__init__.py" and target.startswith(mod + "."):
                continue
            # 从一个包里取名字，落到的是包的 __init__；若名字其实来自当前模块自己的子包，也不算
            edges[mod].add(target)
    return edges


def _cycles(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    cycles = _cycles(_edges())
    assert not cycles, f"循环导入：{cycles}"


def test_no_private_name_is_imported_across_modules():
    bad = []
    for mod in MODULES:
        for src, name, line in _imports(mod):
            if src.startswith("ruralfin") and name and name.startswith("_") and not name.startswith("__"):
                if f"{src}.{name}" in MODULES:  # 导入的是私有子模块本身（如 _validation），不是私有名字
                    continue
                bad.append(f"{MODULES[mod].relative_to(PKG.parent)}:{line} 从 {src} 导入私有名字 {name}")
    assert not bad, "\n".join(bad)


def test_the_cycle_check_can_fail():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


# ---------------------------------------------------------------- 一列一个关键字
#: 不再使用的别名 -> 应该用的关键字（与 schema 的列名相同）
NON_CANONICAL = {
    "entity": "entity_id", "id_col": "entity_id", "borrower": "entity_id", "borrower_id": "entity_id",
    "dpd": "days_past_due", "npl": "days_past_due", "month_col": "month", "date_col": "month",
}


#: 说明“角色”而不是某一列的参数名：可以指向任何列（如 by="customer_group"、ead="balance"）
ROLE_KEYWORDS = {"by", "rows", "columns", "x", "y", "hue", "target", "score", "weight", "ead", "naive"}


def _public_callables():
    import importlib
    import inspect

    for mod_name in sorted(MODULES):
        if any(part.startswith("_") for part in mod_name.split(".")[1:]):
            continue
        mod = importlib.import_module(mod_name)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name, None)
            if inspect.isclass(obj):
                for meth in ("__init__", "fit", "predict", "predict_proba", "predict_points", "transform", "score"):
                    f = obj.__dict__.get(meth)
                    if f is not None and callable(f):
                        yield f"{mod_name}.{name}.{meth}", f
            elif inspect.isfunction(obj) and obj.__module__ == mod_name:
                yield f"{mod_name}.{name}", obj


def _schema_columns() -> set[str]:
    from ruralfin import schema

    return {c.name for t in schema.TABLES.values() for c in t.columns}


def test_column_keywords_use_one_spelling():
    """每个表示“用哪一列”的参数都以该列的 schema 列名为名：不要 *_col 后缀，不要 entity/dpd/month_col 之类的别名，
    默认值是某个 schema 列时，参数名与它一致（或是 by/target 这类说明角色的名字）。"""
    import inspect

    columns = _schema_columns()
    bad = []
    for qual, fn in _public_callables():
        for p in inspect.signature(fn).parameters.values():
            if p.name.endswith("_col") or p.name.endswith("_cols"):
                bad.append(f"{qual}({p.name}=…)：不要 _col 后缀")
            elif p.name in NON_CANONICAL:
                bad.append(f"{qual}({p.name}=…)：应为 {NON_CANONICAL[p.name]}")
            elif (isinstance(p.default, str) and p.default in columns and p.name != p.default
                  and (p.name in columns or p.name not in ROLE_KEYWORDS)):
                bad.append(f"{qual}({p.name}={p.default!r})：参数名应与列名 {p.default} 一致")
    assert not bad, f"{len(bad)} 处：\n" + "\n".join(sorted(set(bad)))


# ---------------------------------------------------------------- 显示文字只在 labels/
#: 业务主题模块：这些模块里的中文只能出现在文档字符串、报错/警告信息里（显示文字一律登记在 labels/）
TOPIC_MODULES = [m for m in MODULES if m.count(".") and m.split(".")[1] in ("economics", "segments", "risk", "privacy", "plotting",
                                                          "widgets", "services", "products", "marketing",
                                                          "network", "team")]
#: 例外：拼接“理由”的函数（逐条说明为什么、带数字的中文句子），见 ARCHITECTURE.md
REASON_BUILDERS: set[tuple[str, str]] = set()


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _chinese_literals(module: str):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        # 文档字符串
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                allowed.add(id(body[0].value))
        # 报错与警告：raise XxxError(...)、warnings.warn(...)
        if isinstance(node, ast.Raise) or (isinstance(node, ast.Call) and ast.unparse(node.func).endswith("warn")):
            allowed.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1].endswith(("Error", "Warning")):
            allowed.update(id(n) for n in ast.walk(node))
    funcs = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for n in ast.walk(node):
                funcs.setdefault(id(n), node.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _has_cjk(node.value):
            if id(node) in allowed or (module, funcs.get(id(node), "")) in REASON_BUILDERS:
                continue
            yield node.lineno, node.value


def test_no_display_text_in_topic_modules():
    bad = [f"{MODULES[m].relative_to(PKG.parent)}:{line} {text[:40]!r}"
           for m in sorted(TOPIC_MODULES) for line, text in _chinese_literals(m)]
    assert not bad, f"{len(bad)} 处中文显示文字不在 labels/ 里：\n" + "\n".join(bad)
