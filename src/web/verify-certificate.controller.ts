import { Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/http/public.decorator.js';
import {
  CertificateVerificationService,
  normaliseCertificateNumber,
} from '../conformance/certificate-verification.service.js';
import { tFor } from './i18n.js';
import { PageController } from './page.decorator.js';
import { type PageRequest, redirect, render } from './page-request.js';

const TAG: Record<string, string> = {
  valid: 'govuk-tag--green',
  reassessment_due: 'govuk-tag--yellow',
  expired: 'govuk-tag--grey',
  revoked: 'govuk-tag--red',
};

/**
 * Public certificate verification, no sign-in: a form to type a certificate number and a
 * page per number showing the narrow public view (PublicCertificateView), or a 404 page
 * saying no certificate has that number. Other public pages link to /verify-certificate/{n}.
 */
@PageController('verify-certificate')
export class VerifyCertificateController {
  constructor(private readonly verification: CertificateVerificationService) {}

  @Get()
  @Public()
  form(@Query('number') number: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (number === undefined) return render(req, reply, 'verify/form.njk', { values: {} });
    const found = normaliseCertificateNumber(number);
    if (found) return redirect(req, reply, `/verify-certificate/${found}`);
    const t = tFor((req as PageRequest).lang);
    const text = t(number === '' ? 'verify.form.missing' : 'verify.form.format');
    return render(
      req,
      reply,
      'verify/form.njk',
      {
        values: { number: typeof number === 'string' ? number : '' },
        errorList: [{ text, href: '#number' }],
        errors: { number: { text } },
      },
      400,
    );
  }

  @Get(':number')
  @Public()
  async show(@Param('number') raw: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const number = normaliseCertificateNumber(raw);
    if (number && number !== raw) return redirect(req, reply, `/verify-certificate/${number}`);
    const certificate = number ? await this.verification.byNumber(number) : null;
    if (!certificate) {
      return render(req, reply, 'verify/not-found.njk', { number: raw.slice(0, 40) }, 404);
    }
    return render(req, reply, 'verify/result.njk', {
      certificate,
      tagClass: TAG[certificate.status] ?? 'govuk-tag--grey',
      now: new Date(),
    });
  }
}
