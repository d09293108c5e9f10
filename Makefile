# swift-mec: build, run, test and measure. `make help` lists the targets.
SWIFT ?= swift
# Test cases per operation and phase in the schemathesis runs: a bounded run in `make test`, a longer one alone.
CONFORMANCE_TEST_EXAMPLES ?= 25
CONFORMANCE_EXAMPLES ?= 500
DATA_DIR ?= $(or $(MEC_DATA_DIR),$(if $(XDG_DATA_HOME),$(XDG_DATA_HOME)/swift-mec,$(HOME)/.local/share/swift-mec))
PORT ?= 8443
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help run build test conformance bench lint format clean

help:
	@echo "make run      install missing packages, build (release) and start a MEC host on https://localhost:$(PORT)"
	@echo "make test     install missing test packages, build and run the whole test suite (with a short conformance run)"
	@echo "make conformance  check the MEC APIs against the ETSI OpenAPI files with schemathesis (long run)"
	@echo "make bench    run the benchmarks in bench/ (each prints its baseline and the ratio)"
	@echo "make lint     check formatting with swift format"
	@echo "make format   format the sources in place"

build:
	@scripts/install-deps run
	$(SWIFT) build -c release -j $(JOBS) --product mec

run: build
	@echo "Starting a MEC host; data in $(DATA_DIR); CA certificate: $(DATA_DIR)/ca.crt"
	@echo "Try: curl --cacert $(DATA_DIR)/ca.crt https://localhost:$(PORT)/healthz"
	.build/release/mec serve --data-dir "$(DATA_DIR)" --port $(PORT)

test:
	@scripts/install-deps test
	$(SWIFT) build --build-tests -j $(JOBS)
	$(SWIFT) test --skip-build
	scripts/conformance --max-examples $(CONFORMANCE_TEST_EXAMPLES)

conformance:
	@scripts/install-deps test
	$(SWIFT) build -j $(JOBS) --product mec
	scripts/conformance --max-examples $(CONFORMANCE_EXAMPLES)

bench:
	@scripts/install-deps bench
	$(SWIFT) build -c release -j $(JOBS)
	bench/run-all

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests bench

format:
	$(SWIFT) format format --in-place --recursive --configuration .swift-format Package.swift Sources Tests bench

clean:
	rm -rf .build
