/**
 * Export helpers: the chart as a standalone SVG file or a PNG, any text as a download. They
 * need a DOM (they run in the page); the CSV text itself comes from the simulator's sweep/csv.ts.
 */

/** Height added below the chart for a note (one line of 12 px type). */
const NOTE_HEIGHT = 28;

/** The chart's size: its viewBox, and the note's line below it when there is one. */
function exportSize(svg: SVGSVGElement, note: string | undefined): [number, number] {
  const [, , w = 760, h = 480] = (svg.getAttribute("viewBox") ?? "0 0 760 480")
    .split(/\s+/)
    .map(Number);
  return [w, note === undefined ? h : h + NOTE_HEIGHT];
}

/**
 * The SVG as a standalone file: namespaces, an explicit size, an XML declaration; `note`, if
 * given (a caveat the figures need, e.g. a saturated sample), as a line of text under the
 * chart, so the file never travels without it.
 */
export function svgText(svg: SVGSVGElement, note?: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [w, h] = exportSize(svg, note);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(w));
  clone.setAttribute("height", String(h));
  clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
  clone.removeAttribute("style");
  // Interaction-only elements (the transparent pick overlay) do not belong in a file.
  for (const el of clone.querySelectorAll('[fill="transparent"]')) el.remove();
  if (note !== undefined) {
    const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
    text.setAttribute("x", "8");
    text.setAttribute("y", String(h - 10));
    text.setAttribute("font-size", "12");
    text.setAttribute("font-family", "sans-serif");
    text.setAttribute("fill", "#8a4b00");
    text.setAttribute("data-note", "");
    text.textContent = note;
    clone.append(text);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The SVG rendered to PNG at `scale` × its size (with `note`, as svgText), on white. */
export async function svgPng(svg: SVGSVGElement, scale = 2, note?: string): Promise<Blob> {
  const [w, h] = exportSize(svg, note);
  const url = URL.createObjectURL(new Blob([svgText(svg, note)], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the chart could not be rendered as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas context");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a Blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name part from free text: "hung-yen-2020-08-18", no spaces or slashes. */
export function fileSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}
