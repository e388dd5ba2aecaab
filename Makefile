# 乡村振兴金融课程 · 一键命令（Linux / macOS；Windows 请用 README 里的 conda 方式）
#   make lab    建虚拟环境 .venv、安装课程，打开 JupyterLab
#   make test   同样的安装再加测试依赖，运行全部测试（含逐个执行每个 notebook）
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FIRST_NOTEBOOK := notebooks/00_overview.ipynb
JUPYTER_ARGS ?=
PYTEST_ARGS ?=

.PHONY: lab test install install-test doctor exercises bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || \
	  { echo "需要 Python 3.11 或更新版本（当前的 $(PYTHON) 不满足或不存在）。可用 make lab PYTHON=python3.12 指定。"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# 以 root 运行（Docker、WSL、云主机）时 JupyterLab 默认拒绝启动，这里自动加上 --allow-root
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

lab: $(VENV)/.installed
	@$(if $(ALLOW_ROOT),echo "提示：当前以 root 身份运行，已为 JupyterLab 加上 --allow-root。平时请用普通用户运行。",true)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(FIRST_NOTEBOOK) $(ALLOW_ROOT) $(JUPYTER_ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

doctor: $(VENV)/.installed
	$(BIN)/python -m ruralfin doctor

exercises: $(VENV)/.installed
	$(BIN)/python -m ruralfin build-exercises

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_course.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
