package dev.gyre.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gyre model ...}: the model registry. */
@Command(name = "model", description = {
    "Manage model versions in a registry kept in Pulsar. Score stages whose spec names the registry",
    "(model.registry) serve its champion and swap to a promoted version within a second, without a",
    "restart. Files are checked before they are stored and again before they serve: size limit,",
    "SHA-256, no pickle or Java serialization, no ONNX external data, and a load by the model provider."},
    subcommands = {ModelPushCommand.class, ModelListCommand.class, ModelPromoteCommand.class,
        ModelRollbackCommand.class, ModelCanaryCommand.class, ModelShadowCommand.class, CommandLine.HelpCommand.class})
final class ModelCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec command;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(command.commandLine(),
        "name a subcommand: push, list, promote, rollback or canary");
  }
}
