using Twin.Contracts.Commands;

namespace Twin.Contracts.Grains;

/// <summary>An enterprise.</summary>
[Alias("twin.IEnterpriseGrain")]
public interface IEnterpriseGrain : ITwinGrain
{
    [Alias("ChangeStatus")]
    Task<CommandResult> ChangeStatus(EnterpriseStatusChange command);

    [Alias("ReportFigures")]
    Task<CommandResult> ReportFigures(EnterpriseFiguresReport command);

    [Alias("MoveIn")]
    Task<CommandResult> MoveIn(EnterpriseMoveIn command);

    [Alias("MoveOut")]
    Task<CommandResult> MoveOut(EnterpriseMoveOut command);
}
