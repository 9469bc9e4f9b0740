# The two commands of the README: `make demo` (the main job) and `make test`
# (every test). Both install what is missing first.
JOBS ?= 2
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
CMAKE_FLAGS ?=

.PHONY: all deps program build demo test test-unit test-asan test-fuzz bench format clean

all: build

deps:
	@scripts/install-deps.sh

# The program alone (the uncounted binary and the web front end): what the
# demo needs, without the tests and benchmarks that `build` adds.
program: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS) --target uncounted
	@if [ -x scripts/build-web.sh ]; then scripts/build-web.sh; fi

build: program
	@cmake --build $(BUILD) -j$(JOBS)

# Another address for the web application: make demo DEMO_ARGS="--listen 127.0.0.1:9090"
DEMO_ARGS ?=
demo: program
	$(BUILD)/uncounted demo $(DEMO_ARGS)

# Every test, once: the suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (the tests labelled slow on the release build), the browser tests and a
# bounded fuzz run. See scripts/run-tests.sh.
test: program
	@scripts/run-tests.sh

# The whole suite on the release build.
test-unit: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	@scripts/run-benchmarks.sh

format:
	@find src tests bench fuzz -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
