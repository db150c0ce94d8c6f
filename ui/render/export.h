#pragma once

#include "render/diagram.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace stackplan {

// Diagram files. Every format paints with paintDiagram / DiagramPainter, never by grabbing a
// scene, so files show exactly what the canvas shows.
enum class DiagramFormat { Svg, Png, Pdf };

std::optional<DiagramFormat> diagramFormatFromId(const QString &id); // "svg", "png", "pdf"
QString diagramFormatId(DiagramFormat f);

// A standalone SVG: text kept as text, role icons inlined as paths, no external references;
// each box a <g id="COMPONENT-ID" class="box">, each arrow a <g id="CONNECTION-ID.connection"
// class="connection">, each with a <title>. Deterministic: the same diagram gives the same bytes.
QByteArray diagramSvg(const Diagram &d, const QString &title);
// The diagram at `scale` pixels per diagram unit (2 by default in the app and the CLI).
QImage diagramImage(const Diagram &d, double scale);

struct ExportResult {
    QStringList written; // files, in the order written
    QString error;       // empty on success
    bool ok() const { return error.isEmpty(); }
};

// Writes `diagrams` to `path`:
// - pdf: one file, one page per diagram, each page sized to its diagram (1 unit = 0.75 pt);
// - svg, png with one diagram: the file `path` (inside it as OPTION-ID.EXT when `path` is an
//   existing folder);
// - svg, png with several diagrams: `path` is a folder (created when missing) holding one file
//   per option, OPTION-ID.svg / OPTION-ID.png.
ExportResult exportDiagrams(const std::vector<Diagram> &diagrams, DiagramFormat format,
                            double scale, const QString &path, const QString &title);

} // namespace stackplan
