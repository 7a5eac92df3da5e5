import { Reflector } from '@nestjs/core';
import { ROLES_METADATA } from '@casetrail/platform';
import { mayReadContent } from '../committee-items/committee-item.visibility';
import { AuditController } from './audit.controller';

describe('audit routes', () => {
  const reflector = new Reflector();
  const routes = ['state', 'history', 'diff', 'export'] as const;

  it.each(routes)('%s is for auditors and admins only, both cleared to read closed committee items whole', (route) => {
    const roles = reflector.get(ROLES_METADATA, AuditController.prototype[route]);
    expect(roles).toEqual(['auditor', 'admin']);
    for (const role of roles) expect(mayReadContent({ closed: true }, [role])).toBe(true);
  });
});
