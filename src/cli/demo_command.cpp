// `uncounted demo [--out DIR] [--no-serve]`: the main job end to end on
// built-in synthetic data (spec/cli.md): a demo store, simulated lists from
// several organizations, import, linkage, estimates per camp, the HTML
// report with the true totals beside the estimates; then the web
// application over the demo store (demo logins, one per role), until Ctrl-C.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "model/error.h"
#include "pipeline/store_linkage.h"
#include "report/html_report.h"
#include "report/store_report_data.h"
#include "report/stratum_total.h"
#include "report/truth_matching.h"
#include "server/server.h"
#include "simulate/simulation.h"
#include "store/audit_log.h"
#include "store/importer.h"
#include "store/store.h"

namespace uncounted::cli {
namespace {

namespace fs = std::filesystem;

struct DemoArgs {
  std::string out = "demo-out";
  bool no_serve = false;
  std::uint64_t seed = 2024;
  int people = 0;
  std::string listen = "127.0.0.1:8080";
  double max_seconds = 30;
  bool replace = false;
};

constexpr const char* kMarker = "CREATED_BY_UNCOUNTED_DEMO";

// A passphrase from the kernel's random source: 24 characters of a
// 32-letter alphabet, 120 bits.
std::string random_passphrase() {
  static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  unsigned char bytes[24];
  if (!urandom.read(reinterpret_cast<char*>(bytes), sizeof bytes))
    throw runtime_error("cannot read the system's random source", "/dev/urandom");
  std::string out;
  for (unsigned char b : bytes) out += kAlphabet[b % 32];
  return out;
}

// Written readable by the owner only, like any secret.
void write_secret_file(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw runtime_error("cannot write the passphrase file", path.string());
  ::fchmod(fd, 0600);
  const std::string line = text + "\n";
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!ok) throw runtime_error("writing the passphrase file failed", path.string());
}

// Opens URL in the desktop's browser when there is a desktop; quietly does
// nothing on a server or in a terminal session.
void open_in_browser(const std::string& url) {
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return;
  const pid_t child = ::fork();
  if (child != 0) return;  // the parent goes on; a failed fork opens nothing
  ::setsid();
  // The browser inherits nothing secret.
  ::unsetenv("UNCOUNTED_PASSPHRASE");
  const int null = ::open("/dev/null", O_RDWR);
  if (null >= 0) {
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
  }
  ::execlp("xdg-open", "xdg-open", url.c_str(), static_cast<char*>(nullptr));
  ::_exit(127);
}

class Stages {
 public:
  Stages(int total, bool quiet) : total_(total), quiet_(quiet) {}
  void begin(const std::string& what) {
    ++done_;
    start_ = std::chrono::steady_clock::now();
    if (!quiet_) std::cerr << "[" << done_ << "/" << total_ << "] " << what << "...\n";
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  int total_, done_ = 0;
  bool quiet_;
  std::chrono::steady_clock::time_point start_;
};

// Refuses to delete an earlier demo's store in which people have worked
// since (testimonies entered, pairs decided, users added on the web): any
// audited change by an actor other than the demo itself (exports change
// nothing and do not count). A store that cannot
// be opened with the passphrase the demo wrote is left alone too.
void refuse_if_worked_in(const fs::path& store_path, const fs::path& passphrase_path,
                         const GlobalOptions& global) {
  const char* advice = "; export what you need, choose another --out, or pass --replace";
  std::ifstream in(passphrase_path);
  std::string passphrase;
  if (in && std::getline(in, passphrase)) {
    // the demo's own passphrase file
  } else if (!global.passphrase_file.empty() || std::getenv("UNCOUNTED_PASSPHRASE")) {
    passphrase = read_passphrase(global);
  } else {
    throw usage_error(std::string("cannot tell whether the earlier demo store holds work of its "
                                  "users (no passphrase file)") +
                          advice,
                      store_path.string());
  }
  auto store = store::Store::open(store_path.string(), passphrase);
  if (const std::int64_t entries = store::changes_by_others(store->db(), "demo", "system");
      entries > 0) {
    throw usage_error("the earlier demo store holds work done in it since (" +
                          std::to_string(entries) +
                          " audited change(s)); the demo will not "
                          "delete it" +
                          advice,
                      store_path.string());
  }
}

void run(const DemoArgs& a, const GlobalOptions& global) {
  const fs::path dir = fs::absolute(a.out);
  const fs::path store_dir = dir / "store";
  const bool own_store = global.store == GlobalOptions{}.store;
  const std::string store_path = own_store ? (store_dir / "demo.db").string() : global.store;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw runtime_error("cannot create the demo folder", dir.string());
  // A store that an earlier demo made is replaced; any other store is left alone.
  if (own_store && fs::exists(store_dir)) {
    if (!fs::exists(store_dir / kMarker))
      throw usage_error(
          "the folder holds a store that the demo did not create; choose another --out",
          store_dir.string());
    if (!a.replace && fs::exists(store_dir / "demo.db")) {
      refuse_if_worked_in(store_dir / "demo.db", dir / "passphrase.txt", global);
    }
    fs::remove_all(store_dir, ec);
  }
  fs::create_directories(store_dir, ec);
  std::ofstream(store_dir / kMarker)
      << "This store was created by `uncounted demo` from simulated data;\n"
         "the next demo run in this folder deletes and recreates it.\n";

  // The passphrase: the usual sources when given, else a fresh random one.
  std::string passphrase;
  fs::path passphrase_file;
  if (!global.passphrase_file.empty() || std::getenv("UNCOUNTED_PASSPHRASE")) {
    passphrase = read_passphrase(global);
  } else {
    passphrase = random_passphrase();
    passphrase_file = dir / "passphrase.txt";
    write_secret_file(passphrase_file, passphrase);
  }

  Stages stages(6, global.json);
  nlohmann::ordered_json summary;
  stages.begin("creating the encrypted demo store");
  store::Store::create(store_path, passphrase);
  auto store = store::Store::open(store_path, passphrase);

  stages.begin("simulating lists from four organizations about a hidden population of detainees");
  simulate::Scenario scenario = simulate::default_scenario();
  if (a.people > 0) scenario.population.size = a.people;
  simulate::Simulation sim;
  {
    Progress progress("simulate");
    sim = simulate::run_simulation(scenario, a.seed,
                                   [&](std::size_t d, std::size_t t) { progress.update(d, t); });
  }
  const simulate::WrittenFiles files = simulate::write_simulation(sim, dir / "lists");
  summary["simulate"] = {
      {"people", sim.people.size()}, {"lists", files.lists.size()}, {"seconds", stages.seconds()}};

  stages.begin("importing the lists");
  store::ImportOptions import_options;
  import_options.actor = "demo";
  std::vector<std::string> list_paths;
  for (const auto& p : files.lists) list_paths.push_back(p.string());
  store::ImportReport imported;
  {
    Progress progress("import");
    import_options.progress = [&](std::size_t d, std::size_t t) { progress.update(d, t); };
    imported = store::import_files(*store, list_paths, import_options);
  }
  if (!imported.committed) throw runtime_error("the simulated lists did not import", "demo");
  summary["import"] = {{"records", imported.rows}, {"seconds", stages.seconds()}};

  stages.begin("linking records of the same person across the lists");
  pipeline::StoreLinkOptions link_options;
  link_options.actor = "demo";
  pipeline::StoreLinkOutcome linked;
  {
    Progress progress("link");
    link_options.link.progress = [&](const std::string&, std::size_t d, std::size_t t) {
      progress.update(d, t);
    };
    linked = pipeline::link_store(*store, link_options);
  }
  summary["link"] = linked.summary;

  stages.begin("estimating how many people each camp held (LCMCR and log-linear models)");
  report::ReportOptions report_options;
  report_options.title = "uncounted demo: political prison camps (simulated)";
  report_options.truth = truth_to_json(sim);
  report::adopt_truth_estimation(report_options);
  auto& lcmcr = report_options.estimation.estimate.lcmcr;
  lcmcr.seed = a.seed;
  lcmcr.burn_in = 5000;
  lcmcr.iterations = 20000;
  lcmcr.chains = 2;
  // Until the chains have mixed (R-hat <= 1.01, ESS >= 1000), at most 30 s
  // per camp by default: the report's intervals should not carry "not
  // mixed" warnings.
  lcmcr.max_seconds = a.max_seconds;
  report::ReportData data = report::gather_report_data(*store, report_options);
  data.truth_note = "scenario \"" + scenario.name + "\", seed " + std::to_string(a.seed);
  // As the report's table judges it: a stratum whose chains have not
  // mixed is neither covered nor missed.
  std::size_t covered = 0, with_truth = 0, not_judged = 0;
  for (const auto& row : data.estimates) {
    switch (report::lcmcr_coverage(row)) {
      case report::Coverage::kCovered:
        ++covered;
        ++with_truth;
        break;
      case report::Coverage::kMissed:
        ++with_truth;
        break;
      case report::Coverage::kNotJudged:
        ++not_judged;
        ++with_truth;
        break;
      case report::Coverage::kUnknown:
        break;
    }
  }
  summary["estimate"] = {{"strata", data.estimates.size()},
                         {"lcmcr_covers_truth", covered},
                         {"lcmcr_not_judged", not_judged},
                         {"strata_with_truth", with_truth},
                         {"seconds", stages.seconds()}};

  stages.begin("writing the HTML report");
  const fs::path report_path = dir / "report.html";
  {
    std::ofstream out(report_path, std::ios::binary | std::ios::trunc);
    out << report::render_html(data);
    if (!out) throw runtime_error("cannot write the report", report_path.string());
  }
  summary["report"] = report_path.string();
  summary["store"] = store_path;
  if (!passphrase_file.empty()) summary["passphrase_file"] = passphrase_file.string();
  summary["lists"] = (dir / "lists").string();
  summary["truth"] = files.truth_json.string();

  // The web application over the demo store: one login per role, all with
  // one fresh random password in an owner-only file beside the passphrase.
  fs::path password_file;
  std::vector<std::string> users;
  if (!a.no_serve) {
    const std::string password = random_passphrase();
    password_file = dir / "web-password.txt";
    write_secret_file(password_file, password);
    users = server::add_demo_users(*store, password, "demo");
    summary["web"] = {{"users", users}, {"password_file", password_file.string()}};
  }
  if (global.json) {
    std::cout << summary.dump(2) << std::endl;
  } else {
    std::cout << "\nDemo done. 데모 완료.\n"
              << "  report / 보고서:     " << report_path.string() << "\n"
              << "  store / 저장소:      " << store_path << "\n";
    if (!passphrase_file.empty())
      std::cout << "  passphrase / 암호:   written to " << passphrase_file.string()
                << " (owner-only)\n";
    std::cout << "  lists and truth:     " << (dir / "lists").string() << "\n"
              << "  LCMCR interval covers the true total in " << covered << " of " << with_truth
              << " camps"
              << (not_judged ? " (" + std::to_string(not_judged) +
                                   " not judged: chains not mixed; more --max-seconds)"
                             : std::string())
              << ".\n";
  }
  if (a.no_serve) return;

  server::ServeOptions options;
  server::parse_listen_address(a.listen, options);
  // The demo's accounts guard simulated people, and whoever tries the demo
  // has no authenticator app at hand: its administrator may log in without
  // one-time codes (`serve` requires them).
  options.administrators_need_totp = false;
  if (server::find_static_dir().empty())
    std::cerr << "warning: the front end is not built (web/dist); only the API is served\n";
  options.on_listening = [&](int port) {
    const std::string url = server::listening_url(options, port);
    std::string logins;
    for (const std::string& user : users) logins += (logins.empty() ? "" : ", ") + user;
    std::cerr << "\nThe web application / 웹 애플리케이션: " << url << "\n"
              << "  log in as one of " << logins << "\n"
              << "  password / 비밀번호: in " << password_file.string() << " (owner-only)\n"
              << "  Ctrl-C stops it.\n";
    open_in_browser(url);
  };
  server::serve(*store, options);
}

void add_demo(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand(
      "demo",
      "The main job end to end on simulated data: store, lists, linkage, estimates, report");
  cmd->add_option("--out", args->out, "Folder for the demo's store, lists and report")
      ->capture_default_str();
  cmd->add_flag("--no-serve", args->no_serve,
                "Stop after writing the report (else serve the web application)");
  cmd->add_option("--seed", args->seed, "Seed of the simulation and the estimates")
      ->capture_default_str()
      ->check(seed_check());
  cmd->add_option("--people", args->people,
                  "Size of the hidden population (default: the scenario's)")
      ->check(CLI::Range(50, 200000));
  cmd->add_option("--listen", args->listen, "Address for the web application")
      ->capture_default_str();
  cmd->add_flag("--replace", args->replace,
                "Replace an earlier demo store in this folder even when people worked in it");
  cmd->add_option("--max-seconds", args->max_seconds,
                  "LCMCR runs on until its chains have mixed, or this time cap per camp; 0: one "
                  "fixed-length run")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  cmd->callback([args, &global] { run(*args, global); });
}

const CommandRegistration demo_registration("demo", add_demo);

}  // namespace
}  // namespace uncounted::cli
