# swift-mec: build, run, test and measure. `make help` lists the targets.
SWIFT ?= swift
DATA_DIR ?= $(or $(MEC_DATA_DIR),$(if $(XDG_DATA_HOME),$(XDG_DATA_HOME)/swift-mec,$(HOME)/.local/share/swift-mec))
PORT ?= 8443
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help run build test bench lint format clean

help:
	@echo "make run      install missing packages, build (release) and start a MEC host on https://localhost:$(PORT)"
	@echo "make test     install missing test packages, build and run the whole test suite"
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

bench:
	@scripts/install-deps bench
	$(SWIFT) build -c release -j $(JOBS) --product mec
	bench/run-all

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests bench

format:
	$(SWIFT) format format --in-place --recursive --configuration .swift-format Package.swift Sources Tests bench

clean:
	rm -rf .build
