using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Definitions;

/// <summary>
/// Deploys the decisions and processes shipped in <c>workflows/</c> at start-up, the <c>.dmn</c> files first (a process's
/// business-rule tasks need their decisions); unchanged files deploy nothing.
/// </summary>
public sealed partial class WorkflowDeployer(
    EngineDb db,
    DefinitionStore definitions,
    DecisionStore decisions,
    WorkflowFolder folder,
    ILogger<WorkflowDeployer> logger)
{
    public async Task DeployShippedAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder.Path))
        {
            LogNoFolder(folder.Path);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder.Path, "*.dmn").Order(StringComparer.Ordinal))
        {
            await DeployAsync(file, async (name, xml) =>
            {
                foreach (var deployment in await decisions.DeployAsync(db, xml, "system", cancellationToken))
                {
                    if (deployment.IsNew)
                        LogDeployed(name, deployment.Decision.Key, deployment.Decision.Version);
                }
            }, cancellationToken);
        }

        foreach (var file in Directory.EnumerateFiles(folder.Path, "*.bpmn").Order(StringComparer.Ordinal))
        {
            await DeployAsync(file, async (name, xml) =>
            {
                var deployment = await definitions.DeployAsync(db, xml, "system", cancellationToken);
                if (deployment.IsNew)
                    LogDeployed(name, deployment.Definition.Key, deployment.Definition.Version);
            }, cancellationToken);
        }
    }

    private static async Task DeployAsync(string file, Func<string, string, Task> deploy, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        var xml = await File.ReadAllTextAsync(file, cancellationToken);
        try
        {
            await deploy(name, xml);
        }
        catch (BpmnValidationException ex)
        {
            // A broken shipped file must stop the host: running with a missing process would lose work silently.
            throw new InvalidOperationException($"{name} is not a valid process or decision: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployed {File} as {Key} version {Version}")]
    private partial void LogDeployed(string file, string key, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow folder {Path} does not exist; no process deployed")]
    private partial void LogNoFolder(string path);
}

/// <summary>Where the shipped .bpmn and .dmn files are: <c>Workflows:Path</c>, else the copy next to the binaries.</summary>
public sealed record WorkflowFolder(string Path);
