import type { Command } from "commander";

export function registerIds(program: Command): void {
  program.command("ids").description("print rolling IDs (not yet implemented)");
}
