#pragma once

#include <QDate>
#include <QString>

namespace stackplan {

// Locale-independent number formatting for CLI output, reports and labels: "10,000,000",
// "0.5", "0.0000025". Integers get thousands separators; fractions keep up to `maxDecimals`
// significant decimals without trailing zeros.
QString formatNumber(double value, int maxDecimals = 7);
// "$5.00", "$1,234.56"; amounts below one cent keep their significant digits ("$0.0000025").
QString formatMoney(double usd);
// A unit price keeps every significant digit: "$0.125", "$0.01344", "$0.40", "$5.00".
QString formatPrice(double usd);
// For text printed to a terminal or log: every control character (C0 including newline and tab,
// DEL, C1) and every invisible bidi / line-separator formatting character is written as a
// visible escape ("\n", "\x1b", "\u202e"), so a name from a file can neither move the cursor,
// recolour the terminal nor start a line of its own (a fake "0 errors").
QString escapeControls(const QString &text);
// Today's date for staleness checks; STACKPLAN_TODAY=YYYY-MM-DD overrides it (tests, CI).
QDate today();

} // namespace stackplan
