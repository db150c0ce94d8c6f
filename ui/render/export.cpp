#include "render/export.h"

#include "render/painter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <functional>

namespace stackplan {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DiagramExport", text);
}

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

// QSvgGenerator's output without what it repeats for nothing: the identity transform, the font
// of groups (every <text> names its own), the empty groups it opens on each state change and
// blank lines. Plain byte scans: this runs once per element of diagrams with thousands.
QByteArray compacted(const QByteArray &in)
{
    QByteArray s = in;
    s.replace(" transform=\"matrix(1,0,0,1,0,0)\"", "");
    QByteArray out;
    out.reserve(s.size());
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype font = s.indexOf("\nfont-family=", i);
        if (font < 0) {
            out.append(s.constData() + i, s.size() - i);
            break;
        }
        const qsizetype end = s.indexOf("\n>", font);
        out.append(s.constData() + i, font - i);
        out.append('>');
        i = end < 0 ? s.size() : end + 2;
    }
    QByteArray result;
    result.reserve(out.size());
    for (const QByteArray &line : out.split('\n')) {
        const QByteArray t = line.trimmed();
        if (t.isEmpty())
            continue;
        if (t == "</g>" && result.endsWith(">\n")) {
            // Drop a group that opened on the previous line and holds nothing.
            const qsizetype start = result.lastIndexOf('\n', result.size() - 2) + 1;
            if (result.mid(start, 3) == "<g ") {
                result.truncate(start);
                continue;
            }
        }
        result += t;
        result += '\n';
    }
    return result.trimmed();
}

// What QSvgGenerator writes for one element, without its document wrapper and without the
// empty groups it opens on every state change.
QByteArray svgBody(const Diagram &d, const std::function<void(QPainter *)> &paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setResolution(96);
    gen.setViewBox(d.bounds);
    gen.setSize(d.bounds.size().toSize());
    {
        QPainter p(&gen);
        paint(&p);
    }
    const QByteArray out = buffer.data();
    // The generator's content sits in one outer <g fill="none" …> group after <defs>.
    const qsizetype defs = out.indexOf("</defs>");
    const qsizetype open = out.indexOf('>', out.indexOf("<g ", defs)) + 1;
    const qsizetype close = out.lastIndexOf("</g>");
    if (defs < 0 || open <= 0 || close < open)
        return {};
    return compacted(out.mid(open, close - open));
}

QByteArray group(const QByteArray &attributes, const QString &title, const QByteArray &body)
{
    QByteArray g = "<g " + attributes + ">\n";
    if (!title.isEmpty())
        g += "<title>" + escaped(title) + "</title>\n";
    if (!body.isEmpty())
        g += body + '\n';
    return g + "</g>\n";
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QByteArray encoded(const QImage &image, QString *error)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        *error = tr("cannot encode the PNG image");
    return png;
}

} // namespace

std::optional<DiagramFormat> diagramFormatFromId(const QString &id)
{
    if (id == QLatin1String("svg"))
        return DiagramFormat::Svg;
    if (id == QLatin1String("png"))
        return DiagramFormat::Png;
    if (id == QLatin1String("pdf"))
        return DiagramFormat::Pdf;
    return std::nullopt;
}

QString diagramFormatId(DiagramFormat f)
{
    switch (f) {
    case DiagramFormat::Svg:
        return QStringLiteral("svg");
    case DiagramFormat::Png:
        return QStringLiteral("png");
    case DiagramFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QByteArray diagramSvg(const Diagram &d, const QString &title)
{
    const DiagramStyle &style = DiagramStyle::of(d.theme);
    const QRectF b = d.bounds;
    QByteArray svg = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" "
                     "baseProfile=\"tiny\" width=\""
                     + num(b.width()).toUtf8() + "\" height=\"" + num(b.height()).toUtf8()
                     + "\" viewBox=\"" + num(b.left()).toUtf8() + ' ' + num(b.top()).toUtf8() + ' '
                     + num(b.width()).toUtf8() + ' ' + num(b.height()).toUtf8() + "\">\n";
    svg += "<title>" + escaped(title) + "</title>\n";
    svg += "<desc>" + escaped(tr("Architecture diagram drawn by Stackplan")) + "</desc>\n";
    svg += "<rect id=\"background\" x=\"" + num(b.left()).toUtf8() + "\" y=\""
           + num(b.top()).toUtf8() + "\" width=\"" + num(b.width()).toUtf8() + "\" height=\""
           + num(b.height()).toUtf8() + "\" fill=\"" + style.background.name().toUtf8()
           + "\" stroke=\"none\"/>\n";
    QByteArray connections;
    for (const auto &c : d.connections)
        connections += group("id=\"" + escaped(c.id) + ".connection\" class=\"connection\"",
                             c.visual.label, svgBody(d, [&](QPainter *p) {
                                 DiagramPainter::paintConnection(p, c.route, c.visual, style);
                             }));
    svg += group("id=\"connections\"", {}, connections.trimmed());
    QByteArray boxes;
    for (const auto &box : d.boxes)
        boxes += group("id=\"" + escaped(box.id) + "\" class=\"box\"", box.visual.name,
                       svgBody(d, [&](QPainter *p) {
                           DiagramPainter::paintBox(p, box.rect, box.visual, style);
                       }));
    svg += group("id=\"boxes\"", {}, boxes.trimmed());
    if (!d.legend.empty())
        svg += group("id=\"findings\" class=\"legend\"", {},
                     svgBody(d, [&](QPainter *p) { paintLegend(p, d); }));
    return svg + "</svg>\n";
}

QImage diagramImage(const Diagram &d, double scale)
{
    const QSize size(int(std::ceil(d.bounds.width() * scale)),
                     int(std::ceil(d.bounds.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(DiagramStyle::of(d.theme).background);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintDiagram(&p, d, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

ExportResult exportDiagrams(const std::vector<Diagram> &diagrams, DiagramFormat format,
                            double scale, const QString &path, const QString &title)
{
    ExportResult result;
    if (diagrams.empty()) {
        result.error = tr("no option to export");
        return result;
    }
    auto titleOf = [&](const Diagram &d) {
        return title.isEmpty() ? d.optionName : title + QStringLiteral(" — ") + d.optionName;
    };
    if (format == DiagramFormat::Pdf) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error
                = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
            return result;
        }
        {
            QPdfWriter writer(&file);
            writer.setCreator(QStringLiteral("Stackplan"));
            writer.setTitle(title);
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            auto pageOf = [](const Diagram &d) {
                return QPageSize(d.bounds.size() * 0.75, QPageSize::Point, QString(),
                                 QPageSize::ExactMatch);
            };
            writer.setPageSize(pageOf(diagrams.front()));
            QPainter p(&writer);
            for (size_t i = 0; i < diagrams.size(); ++i) {
                if (i > 0) {
                    writer.setPageSize(pageOf(diagrams[i]));
                    writer.newPage();
                }
                paintDiagram(&p, diagrams[i], QRectF(0, 0, writer.width(), writer.height()));
            }
        }
        if (!file.commit()) {
            result.error
                = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
            return result;
        }
        result.written << path;
        return result;
    }

    const QString suffix = QLatin1Char('.') + diagramFormatId(format);
    const QFileInfo info(path);
    QString folder;
    if (diagrams.size() > 1) {
        if (info.exists() && !info.isDir()) {
            result.error = tr("%1 is a file; exporting several options needs a folder "
                              "(one %2 file per option)")
                               .arg(QDir::toNativeSeparators(path), suffix.mid(1).toUpper());
            return result;
        }
        if (!QDir().mkpath(path)) {
            result.error = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(path));
            return result;
        }
        folder = path;
    } else if (info.isDir()) {
        folder = path;
    }
    for (const auto &d : diagrams) {
        const QString file = folder.isEmpty() ? path : QDir(folder).filePath(d.optionId + suffix);
        QByteArray data = format == DiagramFormat::Svg
                              ? diagramSvg(d, titleOf(d))
                              : encoded(diagramImage(d, scale), &result.error);
        if (!result.ok() || !writeFile(file, data, &result.error))
            return result;
        result.written << file;
    }
    return result;
}

} // namespace stackplan
