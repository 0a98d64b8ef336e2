# Keras Quest — the two commands are `make html` and `make test`; `make help` lists the rest.
# Every target sets up .venv first: the extras of pyproject.toml it needs, at the versions of
# requirements/lock.txt, re-installed when either file changes.

PYTHON     ?= python3
VENV       ?= .venv
BIN        := $(VENV)/bin
BUILDDIR   ?= _build
SPHINXOPTS ?= -W --keep-going -j auto
# Doctrees live outside the output folder (the EPUB builder would otherwise pack them), one cache
# per builder so switching builders never invalidates another's.
SPHINX      = $(BIN)/python -m sphinx -c . -d $(BUILDDIR)/doctrees/$@ docs
HOST       ?= 127.0.0.1
PORT       ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help kq html dirhtml singlehtml epub latex latexpdf text linkcheck livehtml serve test \
        test-js test-py bench clean check new-track progress-assets venv-ok lock upgrade notebooks

help: ## List the targets
	@echo "Keras Quest — make targets"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16 | sed 's/^/  /'

# ---- environment ---------------------------------------------------------------------------------
# Checked on every run (it costs one Python start): a .venv of the wrong Python or without pip is
# made again, or make stops with one line saying what to do. The stamps below then say what is in it.
venv-ok:
	@sh tools/ensure_venv.sh "$(PYTHON)" "$(VENV)"

# Every install takes its versions from the lock (requirements/lock.txt, written by `make lock`
# from pyproject.toml's ranges): what CI tested is what Read the Docs and a contributor get.
LOCK        := requirements/lock.txt
PIP_INSTALL  = $(BIN)/python -m pip install --quiet --constraint $(LOCK)

# Site dependencies only: what `make html` needs.
$(VENV)/.installed-docs: pyproject.toml $(LOCK) | venv-ok
	$(PIP_INSTALL) --editable .
	@touch $@

# Site + the live preview server.
$(VENV)/.installed-live: pyproject.toml $(LOCK) | venv-ok
	$(PIP_INSTALL) --editable '.[live]'
	@touch $(VENV)/.installed-docs $@

# Site + the test tools, no machine-learning stack: what `make check` needs for a change whose
# examples did not change (it installs the examples' stack only when it has pages to run).
$(VENV)/.installed-check: pyproject.toml $(LOCK) | venv-ok
	$(PIP_INSTALL) --editable '.[test]'
	@touch $(VENV)/.installed-docs $@

# Site + tests + the examples' backends (Keras, JAX CPU, PyTorch CPU pin, TensorFlow).
$(VENV)/.installed-test: pyproject.toml $(LOCK) | venv-ok
	$(PIP_INSTALL) --editable '.[test,examples]'
	@touch $(VENV)/.installed-docs $(VENV)/.installed-check $(VENV)/.installed-kq $@

# Site + the examples' backends, no test tools: what `kq check` needs to check an answer.
$(VENV)/.installed-kq: pyproject.toml $(LOCK) | venv-ok
	$(PIP_INSTALL) --editable '.[examples]'
	@touch $(VENV)/.installed-docs $@

kq: $(VENV)/.installed-kq ## Install the kq command with Keras and its three backends: .venv/bin/kq list
	@$(BIN)/kq list | tail -n 1

venv: $(VENV)/.installed-docs

# ---- building the site ---------------------------------------------------------------------------
html: $(VENV)/.installed-docs ## Build the HTML site into _build/html (warnings are errors)
	$(SPHINX) $(BUILDDIR)/html -b html $(SPHINXOPTS)
	@echo "Open $(BUILDDIR)/html/index.html, or run 'make serve'."

dirhtml: $(VENV)/.installed-docs ## HTML with one folder per page (pretty URLs) into _build/dirhtml
	$(SPHINX) $(BUILDDIR)/$@ -b $@ $(SPHINXOPTS)

singlehtml: $(VENV)/.installed-docs ## The whole course as one HTML page into _build/singlehtml
	$(SPHINX) $(BUILDDIR)/$@ -b $@ $(SPHINXOPTS)

text: $(VENV)/.installed-docs ## Plain-text pages into _build/text
	$(SPHINX) $(BUILDDIR)/$@ -b $@ $(SPHINXOPTS)

epub: $(VENV)/.installed-docs ## Build the EPUB book into _build/epub
	$(SPHINX) $(BUILDDIR)/epub -b epub $(SPHINXOPTS)

# The PDF is made the same way everywhere: `make latexpdf` here, on Read the Docs
# (.readthedocs.yaml) and in tests/test_outputs.py run latexmk through the Makefile Sphinx writes
# beside the LaTeX sources. latexmk -g: rebuild even when the sources look unchanged. Without it,
# latexmk remembers a failed run (say, a font that was missing and is now installed) and answers
# "Nothing to do".
LATEX_PDF = $(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS="-g"

latex: $(VENV)/.installed-docs ## Build LaTeX sources into _build/latex (PDF too when TeX is installed)
	$(SPHINX) $(BUILDDIR)/latex -b latex $(SPHINXOPTS)
	@if [ -n "$(LATEX_REQUIRED)" ] || { command -v latexmk && command -v xelatex; } >/dev/null 2>&1; then \
		$(LATEX_PDF); \
	else \
		echo "TeX (latexmk + xelatex) is not installed: LaTeX sources are in $(BUILDDIR)/latex, no PDF made."; \
	fi

latexpdf: ## The PDF, _build/latex/keras-quest.pdf; fails without TeX (what Read the Docs runs)
	@$(MAKE) --no-print-directory latex LATEX_REQUIRED=1

linkcheck: $(VENV)/.installed-docs ## Check external links (needs internet)
	$(SPHINX) $(BUILDDIR)/linkcheck -b linkcheck $(SPHINXOPTS)

livehtml: $(VENV)/.installed-live ## Live preview on http://127.0.0.1:8000 that rebuilds on save
	$(BIN)/sphinx-autobuild -c . docs $(BUILDDIR)/livehtml --host $(HOST) --port $(PORT) \
		--watch extensions --watch conf.py -j auto

notebooks: html ## Copy each track's notebook into notebooks/ (what "Open in Colab" opens; commit them)
	rm -rf notebooks && mkdir notebooks && cp $(BUILDDIR)/html/notebooks/*.ipynb notebooks/

serve: html ## Build, then serve _build/html on http://127.0.0.1:8000
	$(BIN)/python -m http.server --bind $(HOST) --directory $(BUILDDIR)/html $(PORT)

# ---- checks --------------------------------------------------------------------------------------
# At its end it prints the wall time of each lane (node, quick Python, site builds, browser,
# examples, exercises); the Node lane is timed here and handed over. Course examples whose run plan
# and stack did not change since they passed are not run again (tools/examples/results.py);
# CI=true or KQ_EXAMPLES_REUSE=0 runs them all.
test: $(VENV)/.installed-test $(NODE_STAMPS) ## Run every test: JavaScript units, Python, examples, browser
	@start=$$(date +%s%N); $(MAKE) --no-print-directory test-js || exit $$?; \
	node=$$(awk -v s=$$start -v e=$$(date +%s%N) 'BEGIN { printf "%.1f", (e - s) / 1e9 }'); \
	KQ_LANE_NODE_SECONDS=$$node $(MAKE) --no-print-directory test-py

# The quick lane while you work: JavaScript units and the Python tests that need neither a
# browser, nor the whole course built (`slow`), nor the examples' machine-learning stack
# (`ml_stack`), in under a minute on two cores. It needs only the site and the test extras (the
# same install as `make check`); `make test` stays what CI runs. Without a browser,
# Playwright's plugin is left out: it would only add a browser parameter to tests whose argument
# is named `page`, splitting their module-scoped builds in two. tests/README.md maps the lanes.
.PHONY: test-fast
test-fast: $(VENV)/.installed-check ## Quick tests: JavaScript units + Python, no browser, no course build, no ML stack
	@$(MAKE) --no-print-directory test-js
	$(BIN)/python -m pytest -q -m "not browser and not slow and not ml_stack" -p no:playwright \
		$(PYTEST_ARGS)

# The Node packages, each folder from its lock file (exact versions), again when the lock changes:
# the root's dev tools (Biome, the reference FSRS scheduler ts-fsrs) and the progress bundler
# (esbuild, for `build.mjs --check` in tests/test_progress_assets.py).
NODE_STAMPS := node_modules/.installed extensions/progress/node_modules/.installed
NPM_CI = @command -v npm >/dev/null 2>&1 || { echo "make: Node.js 18+ with npm is needed (Debian: apt-get install nodejs npm)."; exit 1; }; \
	cd $(dir $<) && npm ci --no-audit --no-fund && touch node_modules/.installed
node_modules/.installed: package-lock.json
	$(NPM_CI)
extensions/progress/node_modules/.installed: extensions/progress/package-lock.json
	$(NPM_CI)

test-js: $(NODE_STAMPS) ## JavaScript unit tests (node --test tests/js/)
	node --test tests/js/

# Two pytest sessions side by side, the ML lanes (`-m ml_stack`) and the rest, then one summary
# (tools/run_tests.py says why); with PYTEST_ARGS, one session runs what they select.
test-py: $(VENV)/.installed-test
	@CHROMIUM="$$($(BIN)/python tests/find_browser.py)" || exit 1; \
	export CHROMIUM; $(BIN)/python tools/run_tests.py $(PYTEST_ARGS)

bench: $(VENV)/.installed-test ## Print build, size and speed figures (bench/)
	@if [ ! -x bench/node_modules/.bin/lighthouse ] && command -v npm >/dev/null 2>&1; then \
		cd bench && npm ci --no-audit --no-fund; fi
	$(BIN)/python bench/run.py

# The examples' stack is installed by a second make, only when there are pages to run. A make
# that must not install (tests/test_contributor.py runs check in the session's environment) sets
# INSTALL_EXAMPLES=: on its command line, which reaches the second make where -o would not.
INSTALL_EXAMPLES ?= $(MAKE) --no-print-directory $(VENV)/.installed-test

check: $(VENV)/.installed-check ## What a pull request must pass (build -W + quiz + course lint, links, changed examples, ruff, Biome)
	$(SPHINX) $(BUILDDIR)/check -b html $(SPHINXOPTS)
	$(BIN)/python tools/check_links.py $(BUILDDIR)/check
	$(BIN)/ruff check .
	@$(MAKE) --no-print-directory lint-js
	@pages="$$($(BIN)/python -m tools.examples.changed --doctrees $(BUILDDIR)/doctrees/check)" \
		|| exit $$?; \
	if [ -z "$$pages" ]; then echo "examples: no page changed, nothing to run"; \
	else echo "examples: running the changed pages:" $$pages; \
	$(INSTALL_EXAMPLES) || exit $$?; \
	KQ_EXAMPLE_PAGES="$$pages" $(BIN)/python -m pytest -q tests/test_examples.py; fi

# Biome lints and format-checks our JavaScript and CSS (biome.json says which files); the
# exact version is pinned in package.json and installed by `npm ci` into node_modules/.
.PHONY: lint-js
lint-js: node_modules/.installed ## Lint and format-check the JavaScript and CSS with Biome
	node_modules/.bin/biome ci

# ---- the lock ------------------------------------------------------------------------------------
# The lock is resolved for the Python and platform CI and Read the Docs build on (.ci/run,
# .readthedocs.yaml: CPython 3.11 on x86-64 Linux). `make lock` keeps every version it can and
# only adds or drops what a change to pyproject.toml asks for; `make upgrade` moves everything
# to the newest release the ranges allow, then runs every test on the new set.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --all-extras --quiet \
	--python-version 3.11.7 --python-platform x86_64-manylinux_2_28 \
	--custom-compile-command "make lock" --output-file $(LOCK)

# uv alone, at the version the `maintain` extra puts in the lock: a dependency just added to
# pyproject.toml is not in the lock yet, so the project itself is not installed for this.
$(VENV)/.installed-uv: $(LOCK) | venv-ok
	$(PIP_INSTALL) uv
	@touch $@

lock: $(VENV)/.installed-uv ## Write requirements/lock.txt again after editing pyproject.toml's dependencies
	$(UV_COMPILE)

upgrade: $(VENV)/.installed-uv ## Move the lock to the newest releases the ranges allow, then run every test
	$(UV_COMPILE) --upgrade
	@git diff --stat -- $(LOCK) 2>/dev/null || true
	$(MAKE) --no-print-directory test

new-track: ## Start a new track from the template: make new-track NAME="Custom Layers"
	@$(PYTHON) tools/new_track.py "$(NAME)"

progress-assets: ## Rebuild extensions/progress/static/dist after editing its JS/CSS (needs npm)
	cd extensions/progress && npm ci --no-audit --no-fund && npm run build

clean: ## Remove everything the build leaves (keeps .venv)
	rm -rf $(BUILDDIR) build *.egg-info .pytest_cache .ruff_cache _readthedocs
