#pragma once

#include "cost/sweep.h"
#include "model/project.h"
#include "rules/finding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <vector>

namespace stackplan {

class Catalogue;

// The options of a project side by side: what each costs at the project's three traffic levels,
// what validation finds, whether the service-level targets and the budget hold, where the cost
// curves cross, and how each differs from the baseline. A pure value computed from the project
// and the catalogue (or from findings and a sweep already computed for them), read by the
// Compare view, `stackplan compare` and the review pack.
//
// Stability: fields are only ever added; none is renamed, removed or changes meaning.
struct OptionComparison {
    QString option; // id
    QString name;
    bool baseline = false;

    // Monthly bill at the low, typical and high traffic levels (in that order).
    struct Cost {
        double multiplier = 1;
        double total = 0; // known part, USD per month
        int unknown = 0;  // lines whose amount is unknown
        int overCap = 0;  // lines beyond a plan's cap
        QString text;     // Bill::totalText(): "$30.12", "≥ $30.12 (2 unknown)"
    };
    std::array<Cost, 3> costs;
    // The bill at the comparison's chosen traffic (Comparison::multiplier).
    Cost cost;

    // Findings of this option.
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    QStringList errorRules; // distinct rule ids of the errors, sorted

    // Composite availability of the worst request path: the product of the published SLAs of
    // the components on it (clients and third-party APIs excluded). When some component on a
    // path publishes no SLA, that path's figure is the known part only, an upper bound.
    struct Availability {
        int paths = 0;                   // request paths
        int uncheckablePaths = 0;        // paths with a component that publishes no SLA
        std::optional<double> worstPct;  // lowest (known) product over the paths, in %
        QStringList worstPath;           // component ids of that path, first to last
        QStringList withoutSla;          // components on some path without an SLA, model order
        std::optional<double> targetPct; // the project's availability target
        // true: every path is known and meets the target; false: some path is below it (even
        // without its unknown factors); none: no target, no path, or unknown factors decide.
        std::optional<bool> meetsTarget;
    } availability;

    // The longest first-request delay of a component: a cold start of a scale-to-zero service
    // with no warm instance, or the wake-up of a sleeping plan.
    struct ColdStart {
        std::optional<double> worstMs;
        QString component;              // id of the component with that delay
        bool sleeps = false;            // the delay is a sleeping plan waking up
        std::optional<double> targetMs; // the project's p95 target
        // true: no delay above the target; false: one is above; none: no target.
        std::optional<bool> meetsTarget;
    } coldStart;

    // Headroom against the monthly budget at the chosen traffic: budget − known total.
    std::optional<double> budget;
    std::optional<double> headroom;

    // Where this option's cost curve crosses another option's (from the sweep, 0.01× to 1000×).
    struct Crossover {
        QString other; // option id
        double multiplier = 0;
        double total = 0;          // both options' monthly total there
        bool cheaperAbove = false; // this option is the cheaper one above the multiplier
    };
    std::vector<Crossover> crossovers;

    // Against the baseline (zero / empty for the baseline itself).
    struct Delta {
        double cost = 0;               // USD per month at the chosen traffic
        std::optional<double> costPct; // none when the baseline costs $0
        int errors = 0;
        int warnings = 0;
        int infos = 0;
    } delta;
    // Structural diff against the baseline, by component id.
    QStringList added;   // components only in this option
    QStringList removed; // components only in the baseline
    QStringList rebound; // components in both, bound to another profile, plan or instance

    // Platforms (profile ids) and vendor accounts (profile accounts) the option uses, sorted.
    QStringList platforms;
    QStringList accounts;

    // Components of the system (not clients or third-party APIs) bound to no platform, in model
    // order: the option's bill and checks leave them out.
    QStringList unbound;
};

struct Comparison {
    QString project;
    QString baseline; // option id; empty when the project names none
    QString traffic;  // the chosen traffic as given: "typical", "high", "2.5"
    double multiplier = 1;
    std::array<double, 3> levels{0.5, 1, 3}; // the project's low / typical / high multipliers
    std::optional<double> budget;
    std::optional<double> availabilityTargetPct;
    std::optional<double> p95TargetMs;
    std::vector<OptionComparison> options;    // in project order
    std::vector<Sweep::Crossover> crossovers; // every crossover between the options, sorted

    const OptionComparison *option(const QString &id) const;
    // The option with the lowest known total at the chosen traffic among those without errors
    // and without unbound components (ties: the first); none when there is no such option.
    QString cheapestPassing() const;
};

struct CompareSettings {
    // "low", "typical", "high" or a multiplier: the traffic of `cost`, deltas and headroom.
    QString traffic = QStringLiteral("typical");
    // The option the deltas are against; empty: the project's baseline, else the first option.
    QString baseline;
};

// Computes validation, the bills and the sweep itself.
Comparison compareOptions(const Project &project, const Catalogue &catalogue,
                          const CompareSettings &settings = {});
// From findings (validateProject) and a sweep over every option (computeSweep with the default
// range) already computed for this project: the GUI's analysis computes them once per edit.
Comparison compareOptions(const Project &project, const Catalogue &catalogue,
                          const std::vector<Finding> &findings, const Sweep &sweep,
                          const CompareSettings &settings = {});

// The comparison as a table, one cell per option in option order: the rows the Compare view,
// the text and the Markdown forms show. `best` is the index of the best cell of the row (lowest
// cost and most headroom among options with every component bound, fewest findings, highest
// availability, shortest cold start, fewest accounts), -1 when the row has none.
struct ComparisonRow {
    QString key;   // stable id: "cost-low", "cost-typical", "cost-high", "delta", "budget", ...
    QString label; // "Typical traffic (×1)"
    QStringList cells;
    int best = -1;
};
std::vector<ComparisonRow> comparisonRows(const Comparison &c);
// "Option name (baseline)" for the baseline, else the name.
QString optionHeading(const OptionComparison &o);

// Writers. JSON: {"format": "stackplan-comparison", "version": 1, ...}. CSV: a header and one
// row per option. Markdown: a table with one column per option, ready to paste into a pull request.
// Text: the same table for a terminal, then one sentence per crossover.
nlohmann::ordered_json comparisonToJson(const Comparison &c);
QByteArray comparisonToCsv(const Comparison &c);
QString comparisonToMarkdown(const Comparison &c);
QString comparisonToText(const Comparison &c);

// "B becomes cheaper than A above ×12 traffic ($45.00 a month each there)" (option names).
QString crossoverSentence(const Comparison &c, const Sweep::Crossover &crossover);
// "−38 % vs baseline", "+$12.00 vs baseline"; empty for the baseline itself.
QString costDeltaText(const OptionComparison &o);

} // namespace stackplan
